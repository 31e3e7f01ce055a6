// SPDX-License-Identifier: GPL-3.0-or-later
// SAMEEncoder: patches [B, 512, L] -> pre-bottleneck latents [B, latent_dim, T].
#pragma once

#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include "model/autoencoders/same_options.h"
#include "model/autoencoders/transformer_resampling_block.h"

namespace sa3 {

// stable_audio_3/models/autoencoders.py: SAMEEncoder. `layers` = [resampling blocks...,
// Transpose, Linear(dim, latent_dim), Transpose], so a one-block encoder's keys are
// layers.0.* (block) and layers.2.{weight,bias} (projection).
class SAMEEncoderImpl : public torch::nn::Module {
 public:
  explicit SAMEEncoderImpl(const SAMEOptions& options);

  // x: [B, io_channels, L patches] -> [B, latent_dim, T]; L is zero-padded as each block needs.
  at::Tensor forward(const at::Tensor& x);

  torch::nn::ModuleList layers{nullptr};

 private:
  std::vector<TransformerResamplingBlock> blocks_;
  torch::nn::Linear to_latent_{nullptr};
};
TORCH_MODULE(SAMEEncoder);

// Builds the resampling-block options of block `index` (encoder order) from SAME options.
TransformerResamplingBlockOptions same_block_options(const SAMEOptions& options, size_t index, bool decoder);

}  // namespace sa3
