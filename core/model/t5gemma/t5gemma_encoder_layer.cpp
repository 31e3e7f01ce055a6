// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaEncoderLayer.forward.
#include "model/t5gemma/t5gemma_encoder_layer.h"

namespace sa3 {

T5GemmaEncoderLayerImpl::T5GemmaEncoderLayerImpl(const T5GemmaEncoderOptions& o) {
  const int64_t h = o.hidden_size;
  const double eps = o.rms_norm_eps;
  self_attn = register_module("self_attn", T5GemmaSelfAttention(o));
  pre_self_attn_layernorm = register_module("pre_self_attn_layernorm", T5GemmaRMSNorm(h, eps));
  post_self_attn_layernorm = register_module("post_self_attn_layernorm", T5GemmaRMSNorm(h, eps));
  mlp = register_module("mlp", T5GemmaMLP(h, o.intermediate_size));
  pre_feedforward_layernorm = register_module("pre_feedforward_layernorm", T5GemmaRMSNorm(h, eps));
  post_feedforward_layernorm = register_module("post_feedforward_layernorm", T5GemmaRMSNorm(h, eps));
}

at::Tensor T5GemmaEncoderLayerImpl::forward(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin,
                                            const at::Tensor& bias) {
  at::Tensor h = x + post_self_attn_layernorm(self_attn(pre_self_attn_layernorm(x), cos, sin, bias));
  return h + post_feedforward_layernorm(mlp(pre_feedforward_layernorm(h)));
}

}  // namespace sa3
