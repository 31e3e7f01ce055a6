// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaMLP: the GeGLU (tanh-approximated GELU) feed-forward of a T5Gemma layer.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

namespace sa3 {

// modeling_t5gemma.py: T5GemmaMLP. down_proj(gelu_tanh(gate_proj(x)) * up_proj(x)), no biases.
class T5GemmaMLPImpl : public torch::nn::Module {
 public:
  T5GemmaMLPImpl(int64_t hidden_size, int64_t intermediate_size);
  // x: [..., hidden] -> [..., hidden]
  at::Tensor forward(const at::Tensor& x);

  torch::nn::Linear gate_proj{nullptr};  // [intermediate, hidden]
  torch::nn::Linear up_proj{nullptr};    // [intermediate, hidden]
  torch::nn::Linear down_proj{nullptr};  // [hidden, intermediate]
};
TORCH_MODULE(T5GemmaMLP);

}  // namespace sa3
