// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingModel: what the trainer needs from a diffusion model: the adaptable module trees and
// a velocity prediction for a training batch. The SA3 implementation wraps the DiT and the
// seconds conditioner (sa3_training_model.h); tests use small stand-ins.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>

namespace sa3 {

struct VelocityBatch {
  at::Tensor noised;        // [B, C, T] model dtype or fp32
  at::Tensor t;             // [B] fp32
  at::Tensor prompt;        // [B, L, D] prompt embeddings (padding embedding already applied)
  at::Tensor seconds;       // [B] fp64 seconds_total of each source file
  at::Tensor cfg_drop;      // [B] bool: replace the whole cross-attention condition by zeros
  at::Tensor local_cond;    // [B, 1+C, T]
  at::Tensor padding_mask;  // [B, T] bool, true = valid
};

class TrainingModel {
 public:
  virtual ~TrainingModel() = default;

  // The module trees LoRA adapts, with the name prefix of each (upstream: the DiT wrapper's
  // children under "model", the conditioner's under "conditioners").
  virtual std::vector<std::pair<std::string, torch::nn::Module*>> lora_roots() = 0;
  // v̂ [B, C, T] (any float dtype) for the batch; called with grad enabled during training.
  virtual at::Tensor velocity(const VelocityBatch& batch) = 0;
  virtual int64_t latent_channels() const = 0;
  virtual at::Device device() const = 0;
};

}  // namespace sa3
