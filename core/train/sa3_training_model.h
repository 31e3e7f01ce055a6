// SPDX-License-Identifier: GPL-3.0-or-later
// Sa3TrainingModel: the SA3 DiT and its seconds_total conditioner as a TrainingModel.
//
// Conditioning as upstream's training step (spec §2 step 1, §4): cross = [prompt ; seconds
// token], global = seconds embedding, local = [inpaint mask ; masked latent], and CFG dropout
// replaces the whole cross tensor of a dropped sample by zeros (global is kept). Every DiT
// block runs under gradient checkpointing while grad mode is on.
// LoRA roots: the DiT under "model" and the NumberConditioner under
// "conditioners.seconds_total", so adapted names equal upstream's (spec §6.2).
// Ownership: shares the modules (torch holders). Threading: one step at a time.
#pragma once

#include "model/conditioners.h"
#include "model/dit.h"
#include "train/training_model.h"

namespace sa3 {

class Sa3TrainingModel : public TrainingModel {
 public:
  Sa3TrainingModel(DiffusionTransformer dit, NumberConditioner seconds, at::Device device,
                   bool gradient_checkpointing = true);

  std::vector<std::pair<std::string, torch::nn::Module*>> lora_roots() override;
  at::Tensor velocity(const VelocityBatch& batch) override;
  int64_t latent_channels() const override;
  at::Device device() const override { return device_; }

 private:
  DiffusionTransformer dit_;
  NumberConditioner seconds_;
  at::Device device_;
};

}  // namespace sa3
