// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingLoop: LoRA training of a TrainingModel on encoded examples, with checkpoints,
// progress events and exact resume (spec §5–6, issue 4; upstream scripts/train_lora.py).
//
// Each step: draw a batch in the saved data order, crop/pad each clip to crop_frames (random
// start), draw the flow-objective randomness, predict, masked loss, backward, AdamW. All
// randomness comes from one TrainingRng seeded with the job's seed, so a CPU run is the same
// run to run, and a resumed run continues exactly (moments, RNG, data order are checkpointed).
//
// Lifecycle: construct (attaches the adapters), optionally warm_start() or resume(), run().
// Ownership: borrows the model, run folder and control; owns the adapters and optimizer.
// Threading: run() on one thread; steer it through TrainingControl.
// Errors: sa3::Error for bad input (resume with other settings, damaged checkpoints) and I/O;
//   a NaN/inf loss ends run() with Failed after checkpointing the last good step.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/lora/lora_config.h"
#include "model/lora/lora_file.h"
#include "model/lora/lora_network.h"
#include "train/adamw.h"
#include "train/flow_objective.h"
#include "train/run_folder.h"
#include "train/training_control.h"
#include "train/training_example.h"
#include "train/training_model.h"
#include "train/training_rng.h"

namespace sa3 {

struct TrainingSettings {
  std::string model;             // base model id, e.g. "small-music-base"
  std::string device = "cpu";
  int64_t steps = 1000;
  double learning_rate = 1e-4;
  std::string adapter_type = "dora-rows";  // as the job gives it
  int rank = 16;
  int batch_size = 1;
  uint64_t seed = 42;
  int64_t crop_frames = 0;       // latent frames per training crop
  int checkpoint_every = 250;
  int keep_checkpoints = 3;
  int demo_every = 0;            // steps between on_demo calls (0 = none); each also checkpoints
  std::optional<std::vector<std::string>> include;
  std::optional<std::vector<std::string>> exclude;
  FlowObjectiveOptions objective;

  LoraConfig lora_config() const;
  // The settings that change a run's results (model, adapter, rank, include/exclude, batch,
  // duration, seed) as JSON; resume refuses a checkpoint whose settings differ.
  std::string run_changing_json() const;
};

struct TrainingOutcome {
  enum class Kind { Finished, Stopped, Failed };
  Kind kind = Kind::Finished;
  int64_t step = 0;
  double last_loss = 0;
  std::string error;
};

class TrainingLoop {
 public:
  TrainingLoop(TrainingModel& model, std::vector<TrainingExample> examples,
               TrainingSettings settings, const RunFolder& run, TrainingControl& control);

  // Adapter weights only, as upstream's --lora_checkpoint (optimizer and step start fresh).
  // Returns the number of tensors loaded; keys of modules not adapted here are ignored.
  int warm_start(const LoraFile& file);
  // Continues from the newest complete checkpoint of the run folder. Throws InvalidInput
  // listing every run-changing setting that differs.
  int64_t resume();

  TrainingOutcome run();

  // Validation demos: called with the step at every multiple of settings.demo_every, after that
  // step's checkpoint is saved, and when run() starts at such a step (step 0: the baseline), so
  // rendering can never cost weights. It must not throw: a demo failure is not a training one.
  std::function<void(int64_t step)> on_demo;

  LoraNetwork& network() { return *network_; }
  int64_t step() const { return step_; }

 private:
  double train_step();
  std::vector<int64_t> next_batch_indices();
  void save_checkpoint(const std::vector<uint8_t>& rng_state, double loss);
  void write_outputs(double loss);
  void emit(nlohmann::ordered_json event);

  TrainingModel& model_;
  std::vector<TrainingExample> examples_;
  TrainingSettings settings_;
  const RunFolder& run_;
  TrainingControl& control_;
  std::unique_ptr<LoraNetwork> network_;
  std::unique_ptr<AdamW> optimizer_;
  TrainingRng rng_;
  std::vector<int64_t> order_;
  int64_t cursor_ = 0;
  int64_t step_ = 0;
  double last_loss_ = 0;
};

}  // namespace sa3
