// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaSelfAttention.forward (eager_attention_forward with soft-capping).
#include "model/t5gemma/t5gemma_self_attention.h"

#include <ATen/ops/cat.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/softmax.h>
#include <ATen/ops/tanh.h>

#include <cmath>

namespace sa3 {
namespace {

// modeling_t5gemma.py: rotate_half / apply_rotary_pos_emb over the full head dim.
at::Tensor rotate(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin) {
  const int64_t half = x.size(-1) / 2;
  const at::Tensor turned = at::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
  return x * cos + turned * sin;
}

}  // namespace

T5GemmaSelfAttentionImpl::T5GemmaSelfAttentionImpl(const T5GemmaEncoderOptions& o)
    : heads_(o.num_attention_heads),
      kv_heads_(o.num_key_value_heads),
      head_dim_(o.head_dim),
      scaling_(1.0 / std::sqrt(o.query_pre_attn_scalar)),
      softcap_(o.attn_logit_softcapping) {
  using torch::nn::Linear;
  using torch::nn::LinearOptions;
  q_proj = register_module("q_proj", Linear(LinearOptions(o.hidden_size, heads_ * head_dim_).bias(false)));
  k_proj = register_module("k_proj", Linear(LinearOptions(o.hidden_size, kv_heads_ * head_dim_).bias(false)));
  v_proj = register_module("v_proj", Linear(LinearOptions(o.hidden_size, kv_heads_ * head_dim_).bias(false)));
  o_proj = register_module("o_proj", Linear(LinearOptions(heads_ * head_dim_, o.hidden_size).bias(false)));
}

at::Tensor T5GemmaSelfAttentionImpl::forward(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin,
                                             const at::Tensor& bias) {
  const int64_t b = x.size(0);
  const int64_t n = x.size(1);
  const at::Tensor q = rotate(q_proj(x).view({b, n, heads_, head_dim_}).transpose(1, 2), cos, sin);
  at::Tensor k = rotate(k_proj(x).view({b, n, kv_heads_, head_dim_}).transpose(1, 2), cos, sin);
  at::Tensor v = v_proj(x).view({b, n, kv_heads_, head_dim_}).transpose(1, 2);
  if (kv_heads_ != heads_) {  // repeat_kv
    k = k.repeat_interleave(heads_ / kv_heads_, 1);
    v = v.repeat_interleave(heads_ / kv_heads_, 1);
  }
  at::Tensor scores = at::matmul(q, k.transpose(2, 3)) * scaling_;
  if (softcap_) scores = at::tanh(scores / *softcap_) * *softcap_;
  scores = scores + bias;
  const at::Tensor probs = at::softmax(scores, -1, at::kFloat).to(q.scalar_type());
  const at::Tensor out = at::matmul(probs, v).transpose(1, 2).reshape({b, n, heads_ * head_dim_});
  return o_proj(out);
}

}  // namespace sa3
