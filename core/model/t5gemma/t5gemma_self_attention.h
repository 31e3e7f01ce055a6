// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaSelfAttention: bidirectional attention with RoPE and soft-capped logits.
#pragma once

#include <optional>

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include "model/t5gemma/t5gemma_options.h"

namespace sa3 {

// modeling_t5gemma.py: T5GemmaSelfAttention with eager_attention_forward (encoder: not causal).
class T5GemmaSelfAttentionImpl : public torch::nn::Module {
 public:
  explicit T5GemmaSelfAttentionImpl(const T5GemmaEncoderOptions& options);

  // x: [B, N, hidden]; cos/sin: [N, head_dim] rotary tables in x's dtype; bias: additive mask
  // broadcastable to [B, heads, N, N] (0 = attend, lowest float = masked). -> [B, N, hidden].
  at::Tensor forward(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin, const at::Tensor& bias);

  torch::nn::Linear q_proj{nullptr};
  torch::nn::Linear k_proj{nullptr};
  torch::nn::Linear v_proj{nullptr};
  torch::nn::Linear o_proj{nullptr};

 private:
  int64_t heads_;
  int64_t kv_heads_;
  int64_t head_dim_;
  double scaling_;
  std::optional<double> softcap_;
};
TORCH_MODULE(T5GemmaSelfAttention);

}  // namespace sa3
