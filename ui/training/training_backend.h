// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingBackend: one training run as the Training page drives it, local (sa3::LocalTrainer)
// or remote (fal's queue, sa3/fal.h). Both report the progress events of spec/contracts.md
// (one JSON object per line, the lines progress.jsonl receives), so the page's live view
// (chart, log, progress, queue position) does not know which kind it follows.
//
// Lifecycle: the page creates one backend per run through a TrainingBackendFactory, calls
//   start() or reattach(), may call pause()/unpause()/stop(), and wait()s on a worker thread.
// Ownership: the page owns the backend; the backend owns its worker state.
// Threading: start()/reattach() return at once or after a short blocking setup (call them off
//   the GUI thread); on_event may be called on any thread and must only queue the line;
//   pause/unpause/stop may be called from any thread; wait() blocks until the run ends.
// Errors: start()/reattach() report a bad request at once; wait() reports how the run ended
//   (a cancelled Failure after stop(), a Failure naming the file or field otherwise).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "sa3/error.h"
#include "sa3/job.h"

namespace sa3::ui {

struct TrainingStart {
  sa3::TrainingJob job;
  std::optional<std::filesystem::path> dataset;  // folder or zip; overrides job.audio_data_url
  std::filesystem::path run_dir;                 // a new, empty or missing folder
};

class TrainingBackend {
 public:
  virtual ~TrainingBackend() = default;

  std::function<void(const std::string& event_json)> on_event;

  virtual sa3::Status start(const TrainingStart& request) = 0;
  // Continues the run in run_dir: a local run resumes from its newest checkpoint, a remote
  // run is followed again from its remote.json.
  virtual sa3::Status reattach(const std::filesystem::path& run_dir) = 0;
  // Local runs hold at a step boundary with their state in memory; remote runs cannot pause.
  virtual bool canPause() const = 0;
  virtual void pause() = 0;
  virtual void unpause() = 0;
  // Local: finish the step, checkpoint, end. Remote: cancel the request on fal.
  virtual void stop() = 0;
  // The studio is closing: end this process's part in the run. Local runs stop as with stop();
  // a remote run keeps training on fal (and billing), only no longer followed: reattach()
  // picks it up after the restart.
  virtual void detach() { stop(); }
  virtual sa3::Status wait() = 0;
};

enum class TrainingTarget { Local, Remote };

// The studio passes factories backed by core (linked only into the executable, as the Audition
// page's RenderFunction); tests pass their own or the real ones.
using TrainingBackendFactory = std::function<std::unique_ptr<TrainingBackend>(TrainingTarget target)>;

}  // namespace sa3::ui
