// SPDX-License-Identifier: GPL-3.0-or-later
// Attention of the SAME blocks: fused-qkv (optionally differential) self-attention with DyT
// q/k norms and partial RoPE, over chunks or a sliding window.
#pragma once

#include <array>
#include <optional>

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include "model/autoencoders/dynamic_tanh.h"

namespace sa3::same {

// stable_audio_3/models/transformer.py: Attention, in the configuration TransformerResamplingBlock
// builds (no context, qk_norm "dyt", no feat_scale, not causal).
class AttentionImpl : public torch::nn::Module {
 public:
  AttentionImpl(int64_t dim, int64_t dim_heads, bool differential);

  // x: [B, N, dim]; freqs: [N, rope_dims] from RotaryEmbedding; window: (left, right) token
  // band, or none for full attention over N. Returns [B, N, dim].
  at::Tensor forward(const at::Tensor& x, const at::Tensor& freqs,
                     const std::optional<std::array<int64_t, 2>>& window);

  torch::nn::Linear to_qkv{nullptr};  // [5*dim, dim] (differential: q,k,v,q2,k2) or [3*dim, dim]
  torch::nn::Linear to_out{nullptr};  // [dim, dim]
  DynamicTanh q_norm{nullptr};        // over dim_heads, shared by q and q2
  DynamicTanh k_norm{nullptr};        // over dim_heads, shared by k and k2

 private:
  int64_t heads_;
  int64_t dim_heads_;
  bool differential_;
};
TORCH_MODULE(Attention);

}  // namespace sa3::same
