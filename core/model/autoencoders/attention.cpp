// SPDX-License-Identifier: GPL-3.0-or-later
// Attention.forward for the SAME blocks (transformer.py: Attention.forward / apply_attn).
#include "model/autoencoders/attention.h"

#include <ATen/ops/cat.h>

#include "model/autoencoders/rotary_embedding.h"
#include "model/autoencoders/sliding_window_attention.h"

namespace sa3::same {

AttentionImpl::AttentionImpl(int64_t dim, int64_t dim_heads, bool differential)
    : heads_(dim / dim_heads), dim_heads_(dim_heads), differential_(differential) {
  to_qkv = register_module("to_qkv", torch::nn::Linear(torch::nn::LinearOptions(dim, dim * (differential ? 5 : 3)).bias(false)));
  to_out = register_module("to_out", torch::nn::Linear(torch::nn::LinearOptions(dim, dim).bias(false)));
  q_norm = register_module("q_norm", DynamicTanh(dim_heads));
  k_norm = register_module("k_norm", DynamicTanh(dim_heads));
}

at::Tensor AttentionImpl::forward(const at::Tensor& x, const at::Tensor& freqs,
                                  const std::optional<std::array<int64_t, 2>>& window) {
  const int64_t b = x.size(0);
  const int64_t n = x.size(1);
  const int64_t parts = differential_ ? 5 : 3;
  // [B, N, parts*H*d] -> [parts, B, H, N, d]; parts in upstream's chunk order q,k,v(,q2,k2).
  const at::Tensor qkv = to_qkv(x).view({b, n, parts, heads_, dim_heads_}).permute({2, 0, 3, 1, 4});
  at::Tensor q = qkv[0];
  at::Tensor k = qkv[1];
  at::Tensor v = qkv[2];
  if (differential_) {
    // Both attentions of the differential pair run as one batch of 2B: [q; q2], [k; k2], [v; v].
    q = at::cat({q, qkv[3]}, 0);
    k = at::cat({k, qkv[4]}, 0);
    v = at::cat({v, v}, 0);
  }
  q = q_norm(q);
  k = k_norm(k);
  // RoPE in fp32, then back to v's dtype (upstream casts q, k to fp32 around the rotation).
  q = apply_rotary_pos_emb(q, freqs).to(v.scalar_type());
  k = apply_rotary_pos_emb(k, freqs).to(v.scalar_type());

  at::Tensor out = window ? sliding_window_attention(q, k, v, (*window)[0], (*window)[1]) : full_attention(q, k, v);
  if (differential_) out = out.narrow(0, 0, b) - out.narrow(0, b, b);
  // [B, H, N, d] -> [B, N, H*d]
  return to_out(out.transpose(1, 2).reshape({b, n, heads_ * dim_heads_}));
}

}  // namespace sa3::same
