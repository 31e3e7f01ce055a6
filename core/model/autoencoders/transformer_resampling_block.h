// SPDX-License-Identifier: GPL-3.0-or-later
// TransformerResamplingBlock: SAME's token-resampling transformer (patches <-> latents).
#pragma once

#include <array>
#include <optional>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/pimpl.h>

#include "model/autoencoders/transformer_block.h"
#include "model/autoencoders/wn_conv1d.h"

namespace sa3 {

// Constructor arguments of stable_audio_3/models/autoencoders.py: TransformerResamplingBlock
// that SAMEEncoder/SAMEDecoder pass.
struct TransformerResamplingBlockOptions {
  int64_t in_channels = 0;
  int64_t out_channels = 0;
  int64_t stride = 16;                               // patches per latent
  std::optional<std::array<int64_t, 2>> sliding_window;  // in latents (x (stride+1) tokens)
  int64_t chunk_size = 128;                          // patches per chunk when no sliding window
  bool chunk_midpoint_shift = false;
  bool decoder = false;                              // type 'decoder' (else 'encoder')
  int64_t transformer_depth = 3;
  int64_t dim_heads = 128;
  bool differential = true;
  bool variable_stride = false;
  int64_t sinusoidal_blocks = 0;                     // blocks i with depth - i < this use sin(pi*x)
  double mask_noise = 0;
  double ff_mult = 3;
  bool conv_mapping = false;                         // k=3 mapping conv (else k=1)
};

// Encoder: [B, in, L patches] -> [B, out, ceil(L/stride) latents]: each group of `stride`
// mapped patches gets one learned token appended (17 tokens for stride 16); the transformer
// runs over all groups and the appended token's output is the latent.
// Decoder: [B, in, T] -> [B, out, T*stride]: each latent token is followed by `stride`
// learned tokens whose outputs become the patches, then mapped to `out` channels.
class TransformerResamplingBlockImpl : public torch::nn::Module {
 public:
  explicit TransformerResamplingBlockImpl(const TransformerResamplingBlockOptions& options);

  // TransformerResamplingBlock.forward(x) without stride override, features or prepend cond.
  at::Tensor forward(const at::Tensor& x);

  same::WNConv1d mapping{nullptr};  // absent when in == out
  at::Tensor new_tokens;            // [1, 1 or stride, transformer dim]
  torch::nn::ModuleList transformers{nullptr};

 private:
  // Runs the transformer layers on x [B, groups*(stride+1), D] with the block's attention
  // schedule (sliding window, chunks, or chunks with a midpoint shift).
  at::Tensor run_transformers(at::Tensor x);

  TransformerResamplingBlockOptions options_;
  std::vector<same::TransformerBlock> blocks_;
};
TORCH_MODULE(TransformerResamplingBlock);

}  // namespace sa3
