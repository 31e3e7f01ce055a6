// SPDX-License-Identifier: GPL-3.0-or-later
// RemoteTrainingBackend: the Training page's run on fal's queue (sa3/fal.h). start() checks,
// uploads and submits, then follows the request; reattach() follows a submitted run again
// from its run folder. Both work on the backend's worker thread; progress arrives as the
// events of spec/contracts.md (queue position, fal's log lines, steps and losses parsed from
// them, finished/failed/stopped).
//
// Settings: the fal key given to the constructor (the studio's SecretStore) or, when empty,
//   FAL_KEY / FAL_KEY_ID + FAL_KEY_SECRET; hosts and poll interval from the environment
//   (fal_settings_from_environment). The key is never put into an event or a message.
// Lifecycle: one run per backend. detach() or destroying a running backend stops the upload,
//   or stops *following* a submitted run (the job keeps running on fal and a new backend
//   reattaches), and joins the worker.
// Threading: start()/reattach() return at once; on_event runs on the worker thread. stop()
//   returns at once too: asking fal to cancel is a network call, made on a thread of its own.
// Errors: start()/reattach() fail at once for a missing key, an invalid job or a run folder
//   that cannot be used; wait() carries fal's detail for a failed job (422 fields listed),
//   a cancelled Failure after stop(), and an Environment Failure when fal refused the cancel.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "sa3/fal.h"
#include "sa3/job_control.h"
#include "ui/training/training_backend.h"

namespace sa3::ui {

class RemoteTrainingBackend final : public TrainingBackend {
 public:
  explicit RemoteTrainingBackend(std::string falKey);
  ~RemoteTrainingBackend() override;
  RemoteTrainingBackend(const RemoteTrainingBackend&) = delete;
  RemoteTrainingBackend& operator=(const RemoteTrainingBackend&) = delete;

  sa3::Status start(const TrainingStart& request) override;
  sa3::Status reattach(const std::filesystem::path& run_dir) override;
  bool canPause() const override { return false; }
  // fal's queue has no pause; the page hides the button (canPause() is false).
  void pause() override {}
  void unpause() override {}
  void stop() override;
  void detach() override;
  sa3::Status wait() override;

 private:
  enum class Phase { Idle, Submitting, Following, Done };

  sa3::Status claim(const std::filesystem::path& run_dir);
  void submitAndFollow(sa3::RemoteStartRequest request);
  void follow();
  void cancelOnFal();  // m_mutex held

  std::string m_key;
  sa3::FalSettings m_settings;
  std::filesystem::path m_runDir;
  // Upload and submit, then following: separate, because a stop() during the submit cancels the
  // upload but must not keep the follower from seeing fal's "cancelled" outcome.
  sa3::JobControl m_submitControl;
  sa3::JobControl m_followControl;
  std::mutex m_mutex;
  Phase m_phase = Phase::Idle;
  bool m_stopRequested = false;
  std::optional<sa3::Failure> m_cancelRefused;
  sa3::Status m_outcome = sa3::Done{};
  std::thread m_worker;
  std::thread m_canceller;
};

class SecretStore;

// The Remote half of a TrainingBackendFactory: each backend gets the fal key `secrets` last
// reported (environment first, then the keychain; re-read whenever it is written). `secrets`
// must outlive the returned function.
std::function<std::unique_ptr<TrainingBackend>()> makeRemoteTrainingBackends(SecretStore* secrets);

}  // namespace sa3::ui
