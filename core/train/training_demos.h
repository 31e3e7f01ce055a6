// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingDemos: the validation demos of a local run (issue 7; contracts.md "studio":
// demo_every, demo_prompts, demo_seeds, demo_seconds, trigger_word). Every prompt × seed is
// rendered into <run>/demos/step-NNNNNN/ by render_demo_set on the model being trained, whose
// DiT carries the live adapters, so a demo is what the checkpoint of that step would sound like.
//
// Lifecycle: for_job() once the model is loaded; the TrainingLoop calls render() from on_demo,
//   after the step's checkpoint is saved.
// Ownership: borrows the model, which must outlive it.
// Threading: the trainer's thread, between steps (the model is not shared with a step).
// Errors: render() never throws; a failure or a stop while rendering becomes a warning `log`
//   event, because the checkpoint is already on disk and training goes on.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

#include <nlohmann/json.hpp>

#include "model/sa3_model.h"
#include "sa3/generate.h"
#include "sa3/job.h"
#include "sa3/job_control.h"

namespace sa3 {

class TrainingDemos {
 public:
  using Emit = std::function<void(nlohmann::ordered_json event)>;

  // Null when the job renders no demos (no studio options, demo_every 0 or no demo_prompts).
  // `emit` receives the notes about settings adjusted to the model and, later, every event.
  static std::unique_ptr<TrainingDemos> for_job(const TrainingJob& job, Sa3Model& model,
                                                const std::filesystem::path& run_dir, Emit emit);

  int every() const { return every_; }
  const DemoRequest& request() const { return request_; }

  // Renders the set of `step` unless its demo.json exists (a resumed run does not render a
  // finished set twice), then emits {"event":"demo","step":k,"path":"demos/step-NNNNNN"}.
  void render(int64_t step, JobControl& job);

 private:
  TrainingDemos(Sa3Model& model, DemoRequest request, int every, Emit emit)
      : model_(model), request_(std::move(request)), every_(every), emit_(std::move(emit)) {}

  Sa3Model& model_;
  DemoRequest request_;
  int every_;
  Emit emit_;
};

}  // namespace sa3
