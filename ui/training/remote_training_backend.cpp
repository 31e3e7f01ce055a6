// SPDX-License-Identifier: GPL-3.0-or-later
// RemoteTrainingBackend: start_remote_training + follow_remote_training on a worker thread,
// cancel_remote_training on its own thread when the user stops; the studio's key for it.
#include "ui/training/remote_training_backend.h"

#include "ui/settings/secret_store.h"

namespace sa3::ui {

namespace fs = std::filesystem;
using sa3::ErrorKind;
using sa3::Failure;

RemoteTrainingBackend::RemoteTrainingBackend(std::string falKey) : m_key(std::move(falKey)) {}

RemoteTrainingBackend::~RemoteTrainingBackend() {
  detach();
  if (m_worker.joinable()) m_worker.join();
  std::thread canceller;
  {
    std::lock_guard lock(m_mutex);
    canceller = std::move(m_canceller);
  }
  if (canceller.joinable()) canceller.join();
}

sa3::Status RemoteTrainingBackend::claim(const fs::path& run_dir) {
  if (run_dir.empty()) return Failure{ErrorKind::InvalidInput, "run folder: required"};
  std::lock_guard lock(m_mutex);
  if (m_phase != Phase::Idle)
    return Failure{ErrorKind::Internal, "a RemoteTrainingBackend drives one run; create another for " + run_dir.string()};
  auto settings = sa3::fal_settings_from_environment(m_key);
  if (!settings) return settings.error();
  m_settings = std::move(*settings);
  m_runDir = run_dir;
  return sa3::Done{};
}

sa3::Status RemoteTrainingBackend::start(const TrainingStart& request) {
  const fs::path& run = request.run_dir;
  if (fs::exists(run / "remote.json") || fs::exists(run / "run.json"))
    return Failure{ErrorKind::InvalidInput, run.string() + ": already holds a run; choose a new run folder"};
  if (!request.dataset && request.job.audio_data_url.empty())
    return Failure{ErrorKind::InvalidInput, "audio_data_url: required (or choose a dataset folder or zip)"};
  if (const auto problems = sa3::validate_job(request.job, {.require_audio_data_url = false}); !problems.empty())
    return Failure{ErrorKind::InvalidInput, "invalid job\n" + sa3::describe_problems(problems)};
  if (auto claimed = claim(run); !claimed) return claimed;
  std::lock_guard lock(m_mutex);
  m_phase = Phase::Submitting;
  m_worker = std::thread(&RemoteTrainingBackend::submitAndFollow, this,
                         sa3::RemoteStartRequest{request.job, request.dataset.value_or(fs::path()), run});
  return sa3::Done{};
}

sa3::Status RemoteTrainingBackend::reattach(const fs::path& run_dir) {
  if (!fs::exists(run_dir / "remote.json"))
    return Failure{ErrorKind::InvalidInput, run_dir.string() + ": holds no remote run (remote.json is missing)"};
  if (auto claimed = claim(run_dir); !claimed) return claimed;
  std::lock_guard lock(m_mutex);
  m_phase = Phase::Following;
  m_worker = std::thread(&RemoteTrainingBackend::follow, this);
  return sa3::Done{};
}

void RemoteTrainingBackend::submitAndFollow(sa3::RemoteStartRequest request) {
  const sa3::Status submitted = sa3::start_remote_training(request, m_settings, m_submitControl, on_event);
  {
    std::lock_guard lock(m_mutex);
    if (!submitted) {
      m_outcome = submitted;
      m_phase = Phase::Done;
      return;
    }
    m_phase = Phase::Following;
    // A stop() that came too late to cancel the upload: the request is on fal now.
    if (m_stopRequested) cancelOnFal();
  }
  follow();
}

void RemoteTrainingBackend::follow() {
  const sa3::Status followed = sa3::follow_remote_training(m_runDir, m_settings, m_followControl, on_event);
  std::lock_guard lock(m_mutex);
  m_outcome = followed;
  m_phase = Phase::Done;
}

void RemoteTrainingBackend::cancelOnFal() {
  if (m_canceller.joinable()) return;
  m_canceller = std::thread([this] {
    // Once fal accepts, the follower sees the request complete as cancelled and ends "stopped";
    // when it had already completed, the follower fetches its outputs as usual.
    const sa3::Result<bool> requested = sa3::cancel_remote_training(m_runDir, m_settings);
    if (requested) return;
    std::lock_guard lock(m_mutex);
    m_cancelRefused = Failure{ErrorKind::Environment,
                              "fal did not cancel the request: " + requested.error().message +
                                  "\nIt may still be running (and billed); the studio stopped following it. "
                                  "Try again with: sa3 remote cancel " + m_runDir.string()};
    m_followControl.cancel();
  });
}

void RemoteTrainingBackend::stop() {
  std::lock_guard lock(m_mutex);
  m_stopRequested = true;
  if (m_phase == Phase::Submitting) m_submitControl.cancel();
  if (m_phase == Phase::Following) cancelOnFal();
}

void RemoteTrainingBackend::detach() {
  m_submitControl.cancel();
  m_followControl.cancel();
}

sa3::Status RemoteTrainingBackend::wait() {
  {
    std::lock_guard lock(m_mutex);
    if (m_phase == Phase::Idle) return Failure{ErrorKind::Internal, "wait() on a remote run that was never started"};
  }
  if (m_worker.joinable()) m_worker.join();
  std::thread canceller;
  {
    std::lock_guard lock(m_mutex);
    canceller = std::move(m_canceller);
  }
  if (canceller.joinable()) canceller.join();
  std::lock_guard lock(m_mutex);
  if (m_cancelRefused && !m_outcome && m_outcome.error().cancelled()) return *m_cancelRefused;
  return m_outcome;
}

std::function<std::unique_ptr<TrainingBackend>()> makeRemoteTrainingBackends(SecretStore* secrets) {
  auto falKey = std::make_shared<QString>();
  QObject::connect(secrets, &SecretStore::secretRead, secrets, [falKey](Secret which, const QString& value, SecretSource) {
    if (which == Secret::FalKey) *falKey = value;
  });
  QObject::connect(secrets, &SecretStore::secretWritten, secrets, [secrets](Secret which, SecretSource) {
    if (which == Secret::FalKey) secrets->read(Secret::FalKey);
  });
  secrets->read(Secret::FalKey);
  return [falKey] { return std::make_unique<RemoteTrainingBackend>(falKey->toStdString()); };
}

}  // namespace sa3::ui
