// SPDX-License-Identifier: GPL-3.0-or-later
// TransformerBlock as the SAME autoencoder configures it: DyT norms, self-attention, GLU FF.
#pragma once

#include <array>
#include <optional>

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/autoencoders/attention.h"
#include "model/autoencoders/dynamic_tanh.h"
#include "model/autoencoders/feed_forward.h"
#include "model/autoencoders/rotary_embedding.h"

namespace sa3::same {

// stable_audio_3/models/transformer.py: TransformerBlock, in the configuration built by
// autoencoders.py: TransformerResamplingBlock (norm_type "dyt", add_rope, no cross-attention,
// no adaLN, no conformer, no layer scale). Upstream uses one class for the DiT and the
// autoencoder; the DiT's configuration (adaLN, RMSNorm, cross-attention, padding masks) is
// ported separately under model/transformer/, since the two share no runtime path.
struct TransformerBlockOptions {
  int64_t dim = 0;
  int64_t dim_heads = 64;      // clamped to dim, as upstream (min(dim_heads, dim))
  bool differential = true;
  double ff_mult = 3;
  bool sinusoidal = false;     // sin(pi*x) GLU gate instead of SiLU
};

class TransformerBlockImpl : public torch::nn::Module {
 public:
  explicit TransformerBlockImpl(const TransformerBlockOptions& options);

  // TransformerBlock.forward (no global cond): x += attn(pre_norm(x)); x += ff(ff_norm(x)).
  // x: [B, N, dim]; RoPE positions restart at 0 for this call's N; window: token band or none.
  at::Tensor forward(const at::Tensor& x, const std::optional<std::array<int64_t, 2>>& window);

  DynamicTanh pre_norm{nullptr};
  Attention self_attn{nullptr};
  DynamicTanh ff_norm{nullptr};
  FeedForward ff{nullptr};
  RotaryEmbedding rope{nullptr};
};
TORCH_MODULE(TransformerBlock);

}  // namespace sa3::same
