// SPDX-License-Identifier: GPL-3.0-or-later
// Attention (stable_audio_3/models/transformer.py: Attention) as SA3's DiT uses it:
// 64-dim heads, RMS QK-norm (eps 1e-6, one gamma shared by q/q₂ and one by k/k₂), partial
// RoPE on self-attention, no RoPE and no mask on cross-attention, and the differential
// variant out = attn(q,k,v) − attn(q₂,k₂,v) (no λ, no group norm).
// Keys: self `to_qkv` [3E|5E, E] (chunks q,k,v[,q₂,k₂]); cross `to_q` [E|2E, E] (q[,q₂]) and
// `to_kv` [2E|3E, E] (k,v | k,k₂,v); `to_out` [E,E]; `q_norm.gamma`, `k_norm.gamma` [64].
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/lora/adaptable_linear.h"
#include "model/transformer/rms_norm.h"
#include "model/transformer/rotary_embedding.h"

namespace sa3 {

struct AttentionOptions {
  std::int64_t dim = 0;         // E
  std::int64_t dim_heads = 64;  // heads = E / dim_heads
  bool cross = false;           // cross-attention (separate to_q / to_kv)
  bool differential = false;    // medium family
  double qk_norm_eps = 1e-6;
};

class AttentionImpl : public torch::nn::Module {
 public:
  explicit AttentionImpl(const AttentionOptions& options);

  // Self: x [B,L,E], rope table for L, key_mask [B,L] bool or undefined -> [B,L,E].
  at::Tensor forward_self(const at::Tensor& x, const RotaryTable& rope, const at::Tensor& key_mask);
  // Cross: x [B,L,E], context [B,Lc,E] (already embedded) -> [B,L,E].
  at::Tensor forward_cross(const at::Tensor& x, const at::Tensor& context);

  AdaptableLinear to_qkv{nullptr};
  AdaptableLinear to_q{nullptr};
  AdaptableLinear to_kv{nullptr};
  AdaptableLinear to_out{nullptr};
  RMSNorm q_norm{nullptr};
  RMSNorm k_norm{nullptr};

 private:
  // [B,L,n·E] -> n tensors [B,H,L,D]
  std::vector<at::Tensor> split_heads(const at::Tensor& projected, std::int64_t chunks) const;
  at::Tensor merge_heads(const at::Tensor& out) const;

  AttentionOptions options_;
  std::int64_t heads_;
};
TORCH_MODULE(Attention);

}  // namespace sa3
