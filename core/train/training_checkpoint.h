// SPDX-License-Identifier: GPL-3.0-or-later
// Training checkpoints: checkpoints/step-NNNNNN/adapter.safetensors (the adapter tensors in
// fp32, upstream key layout with -xs bases, lora_config metadata, so upstream's loader accepts
// it too) and state.safetensors (AdamW moments, step, RNG state, data order, run settings).
// The state file is written last, atomically: a checkpoint is complete only when it exists.
// Checkpoints are never overwritten.
// Errors: sa3::Error naming the file (InvalidInput for a damaged checkpoint).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "model/lora/lora_config.h"
#include "model/lora/lora_network.h"

namespace sa3 {

struct TrainingState {
  int64_t step = 0;                 // optimizer steps done
  std::vector<at::Tensor> moments;  // AdamW exp_avg/exp_avg_sq per parameter
  std::vector<uint8_t> rng_state;
  std::vector<int64_t> data_order;  // the current epoch's clip order
  int64_t data_cursor = 0;          // next position in data_order
  double last_loss = 0;
  std::string settings;             // the run-changing settings as JSON, for resume checks
};

bool checkpoint_complete(const std::filesystem::path& dir);

// Writes a new checkpoint folder; throws Internal if it already holds a complete checkpoint.
void save_training_checkpoint(const std::filesystem::path& dir, const LoraNetwork& network,
                              const LoraConfig& config, const TrainingState& state);

// Loads the adapter tensors into `network` (which must have the same modules) and returns the
// state. Throws InvalidInput naming the file when the checkpoint is incomplete or damaged.
TrainingState load_training_checkpoint(const std::filesystem::path& dir, LoraNetwork& network);

}  // namespace sa3
