// SPDX-License-Identifier: GPL-3.0-or-later
// Local LoRA training: a TrainingJob (fal's trainer input) trained on this machine with the
// LibTorch SA3 core, writing the run folder of spec/contracts.md (job.json, run.json,
// progress.jsonl, checkpoints/, lora.safetensors, config.json).
//
// Lifecycle: create a LocalTrainer, start() or resume(), steer it with pause()/unpause()/stop(),
//   then wait(). One run per LocalTrainer; the destructor stops the run and waits for it.
// Ownership: the trainer owns its worker thread, the model and the data; callers get plain
//   values and JSON event lines.
// Threading: start()/resume() return at once; training runs on the trainer's own thread.
//   on_event is called on that thread with each progress event (one JSON object, the same line
//   progress.jsonl receives); it must return quickly (queue it, e.g. a queued Qt signal): the
//   trainer never waits for the UI. pause(), unpause() and stop() may be called from any thread.
// Errors: start()/resume() report bad requests at once (invalid job, missing run folder);
//   everything later (model missing, dataset unusable, resume with changed settings, I/O, a
//   NaN loss) ends the run with status "failed" and a Failure from wait() naming the file or
//   field.
// Cancellation: stop() finishes the current step, writes a checkpoint and ends the run with
//   status "stopped"; wait() then returns a cancelled Failure. `sa3 train --resume RUN`
//   continues it exactly.
//
//   sa3::LocalTrainer trainer;
//   sa3::LocalTrainingRequest request{.job = job, .run_dir = run, .models_dir = models};
//   trainer.on_event = [](const std::string& line) { post_to_ui(line); };
//   if (auto started = trainer.start(request); !started) return show(started.error().message);
//   ...  trainer.stop();
//   sa3::Result<sa3::LocalTrainingResult> done = trainer.wait();
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "sa3/error.h"
#include "sa3/job.h"

namespace sa3 {

struct LocalTrainingRequest {
  TrainingJob job;
  std::optional<std::filesystem::path> dataset;  // overrides job.audio_data_url (folder or zip)
  std::filesystem::path run_dir;                 // created when missing
  std::filesystem::path models_dir;              // <models>/<id>/ in Hugging Face layout
  std::string device = "auto";                   // auto | cpu | cuda
};

struct LocalTrainingResult {
  int64_t steps = 0;
  double final_loss = 0;
  std::filesystem::path lora_file;    // <run>/lora.safetensors
  std::filesystem::path config_file;  // <run>/config.json
};

class LocalTrainer {
 public:
  LocalTrainer();
  ~LocalTrainer();
  LocalTrainer(const LocalTrainer&) = delete;
  LocalTrainer& operator=(const LocalTrainer&) = delete;

  std::function<void(const std::string& event_json)> on_event;

  Status start(const LocalTrainingRequest& request);
  // Continues the run in `run_dir` from its newest checkpoint with its own job.json.
  Status resume(const std::filesystem::path& run_dir, const std::filesystem::path& models_dir,
                const std::string& device = "auto");
  void pause();
  void unpause();
  void stop();
  Result<LocalTrainingResult> wait();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sa3
