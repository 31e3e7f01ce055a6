// SPDX-License-Identifier: GPL-3.0-or-later
// Standard and differential attention, self and cross.
#include "model/transformer/attention.h"

#include <ATen/ATen.h>

#include "model/transformer/attention_kernel.h"
#include "sa3/error.h"

namespace sa3 {

AttentionImpl::AttentionImpl(const AttentionOptions& options) : options_(options) {
  if (options.dim <= 0 || options.dim_heads <= 0 || options.dim % options.dim_heads != 0)
    throw_invalid("attention: embed_dim " + std::to_string(options.dim) +
                  " is not a multiple of the head size " + std::to_string(options.dim_heads));
  heads_ = options.dim / options.dim_heads;
  const std::int64_t e = options.dim;
  const std::int64_t q_chunks = options.differential ? 2 : 1;
  auto linear = [](std::int64_t in, std::int64_t out) {
    return AdaptableLinear(torch::nn::LinearOptions(in, out).bias(false));
  };
  if (options.cross) {
    to_q = register_module("to_q", linear(e, q_chunks * e));
    to_kv = register_module("to_kv", linear(e, (q_chunks + 1) * e));
  } else {
    to_qkv = register_module("to_qkv", linear(e, (2 * q_chunks + 1) * e));
  }
  to_out = register_module("to_out", linear(e, e));
  q_norm = register_module("q_norm", RMSNorm(options.dim_heads, options.qk_norm_eps, false));
  k_norm = register_module("k_norm", RMSNorm(options.dim_heads, options.qk_norm_eps, false));
}

std::vector<at::Tensor> AttentionImpl::split_heads(const at::Tensor& projected,
                                                   std::int64_t chunks) const {
  const auto b = projected.size(0);
  const auto l = projected.size(1);
  // One view + permute for all chunks: [B,L,n,H,D] -> [n,B,H,L,D].
  const at::Tensor heads =
      projected.view({b, l, chunks, heads_, options_.dim_heads}).permute({2, 0, 3, 1, 4});
  return heads.unbind(0);
}

at::Tensor AttentionImpl::merge_heads(const at::Tensor& out) const {
  const auto b = out.size(0);
  const auto l = out.size(2);
  return out.transpose(1, 2).reshape({b, l, options_.dim});
}

// transformer.py: Attention.forward, fused-projection branch (self-attention).
at::Tensor AttentionImpl::forward_self(const at::Tensor& x, const RotaryTable& rope,
                                       const at::Tensor& key_mask) {
  const bool diff = options_.differential;
  const auto parts = split_heads(to_qkv(x), diff ? 5 : 3);
  const at::Tensor& v = parts[2];
  auto prepare_q = [&](const at::Tensor& t) { return apply_rotary(q_norm(t), rope, v.scalar_type()); };
  auto prepare_k = [&](const at::Tensor& t) { return apply_rotary(k_norm(t), rope, v.scalar_type()); };
  at::Tensor out = attend(prepare_q(parts[0]), prepare_k(parts[1]), v, key_mask);
  if (diff) out = out - attend(prepare_q(parts[3]), prepare_k(parts[4]), v, key_mask);
  return to_out(merge_heads(out));
}

// transformer.py: Attention.forward, separate to_q / to_kv branch (cross-attention). The
// context mask is dropped upstream (dit.py forward), so none is applied.
at::Tensor AttentionImpl::forward_cross(const at::Tensor& x, const at::Tensor& context) {
  const bool diff = options_.differential;
  const auto q = split_heads(to_q(x), diff ? 2 : 1);
  const auto kv = split_heads(to_kv(context), diff ? 3 : 2);
  const at::Tensor& v = kv.back();
  const at::Tensor none;
  at::Tensor out = attend(q_norm(q[0]), k_norm(kv[0]), v, none);
  if (diff) out = out - attend(q_norm(q[1]), k_norm(kv[1]), v, none);
  return to_out(merge_heads(out));
}

}  // namespace sa3
