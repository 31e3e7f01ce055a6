// SPDX-License-Identifier: GPL-3.0-or-later
// The SA3 DiT + seconds conditioner behind the TrainingModel interface.
#include "train/sa3_training_model.h"

#include <ATen/ATen.h>

#include "train/gradient_checkpoint.h"

namespace sa3 {

Sa3TrainingModel::Sa3TrainingModel(DiffusionTransformer dit, NumberConditioner seconds,
                                   at::Device device, bool gradient_checkpointing)
    : dit_(std::move(dit)), seconds_(std::move(seconds)), device_(device) {
  if (gradient_checkpointing) {
    dit_->transformer->block_runner = [](const BlockFunction& block, const std::vector<at::Tensor>& inputs) {
      return checkpoint(block, inputs);
    };
  }
}

std::vector<std::pair<std::string, torch::nn::Module*>> Sa3TrainingModel::lora_roots() {
  return {{"model", dit_.get()}, {"conditioners.seconds_total", seconds_.get()}};
}

int64_t Sa3TrainingModel::latent_channels() const { return dit_->options().io_channels; }

at::Tensor Sa3TrainingModel::velocity(const VelocityBatch& b) {
  const auto seconds = seconds_->forward(b.seconds).embedding;  // [B, 1, D]
  const auto prompt = b.prompt.to(seconds.scalar_type());
  const int64_t channels = b.noised.size(1);
  auto cond = assemble_conditioning(prompt, seconds, b.local_cond.narrow(1, 0, 1),
                                    b.local_cond.narrow(1, 1, channels), channels,
                                    b.noised.size(2), b.padding_mask);
  const auto drop = b.cfg_drop.to(at::kBool).view({-1, 1, 1});
  cond.cross = at::where(drop, at::zeros_like(cond.cross), cond.cross);
  return dit_->forward(b.noised, b.t, cond);
}

}  // namespace sa3
