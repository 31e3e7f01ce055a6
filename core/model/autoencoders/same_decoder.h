// SPDX-License-Identifier: GPL-3.0-or-later
// SAMEDecoder: latents [B, latent_dim, T] -> patches [B, 512, T * stride].
#pragma once

#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include "model/autoencoders/same_options.h"
#include "model/autoencoders/transformer_resampling_block.h"

namespace sa3 {

// stable_audio_3/models/autoencoders.py: SAMEDecoder. `layers` = [Transpose,
// Linear(latent_dim, dim), Transpose, resampling blocks from the innermost level out], so a
// one-block decoder's keys are layers.1.{weight,bias} and layers.3.*.
class SAMEDecoderImpl : public torch::nn::Module {
 public:
  explicit SAMEDecoderImpl(const SAMEOptions& options);

  // x: [B, latent_dim, T] -> [B, io_channels, T' * prod(strides)] where T' is T padded as the
  // blocks need (SAME-S: to even; the padded latent's output is kept, as upstream does).
  at::Tensor forward(const at::Tensor& x);

  torch::nn::ModuleList layers{nullptr};

 private:
  torch::nn::Linear from_latent_{nullptr};
  std::vector<TransformerResamplingBlock> blocks_;
};
TORCH_MODULE(SAMEDecoder);

}  // namespace sa3
