// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaEncoderLayer: sandwich-normed self-attention and GeGLU blocks.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/t5gemma/t5gemma_mlp.h"
#include "model/t5gemma/t5gemma_options.h"
#include "model/t5gemma/t5gemma_rms_norm.h"
#include "model/t5gemma/t5gemma_self_attention.h"

namespace sa3 {

// modeling_t5gemma.py: T5GemmaEncoderLayer.forward:
//   x += post_self_attn_layernorm(self_attn(pre_self_attn_layernorm(x)))
//   x += post_feedforward_layernorm(mlp(pre_feedforward_layernorm(x)))
class T5GemmaEncoderLayerImpl : public torch::nn::Module {
 public:
  explicit T5GemmaEncoderLayerImpl(const T5GemmaEncoderOptions& options);
  // x: [B, N, hidden]; cos/sin/bias as T5GemmaSelfAttention::forward.
  at::Tensor forward(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin, const at::Tensor& bias);

  T5GemmaSelfAttention self_attn{nullptr};
  T5GemmaRMSNorm pre_self_attn_layernorm{nullptr};
  T5GemmaRMSNorm post_self_attn_layernorm{nullptr};
  T5GemmaMLP mlp{nullptr};
  T5GemmaRMSNorm pre_feedforward_layernorm{nullptr};
  T5GemmaRMSNorm post_feedforward_layernorm{nullptr};
};
TORCH_MODULE(T5GemmaEncoderLayer);

}  // namespace sa3
