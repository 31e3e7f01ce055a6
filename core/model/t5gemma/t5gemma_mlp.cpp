// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaMLP.forward.
#include "model/t5gemma/t5gemma_mlp.h"

#include <ATen/ops/gelu.h>

namespace sa3 {

T5GemmaMLPImpl::T5GemmaMLPImpl(int64_t hidden, int64_t intermediate) {
  using torch::nn::Linear;
  using torch::nn::LinearOptions;
  gate_proj = register_module("gate_proj", Linear(LinearOptions(hidden, intermediate).bias(false)));
  up_proj = register_module("up_proj", Linear(LinearOptions(hidden, intermediate).bias(false)));
  down_proj = register_module("down_proj", Linear(LinearOptions(intermediate, hidden).bias(false)));
}

at::Tensor T5GemmaMLPImpl::forward(const at::Tensor& x) {
  return down_proj(at::gelu(gate_proj(x), "tanh") * up_proj(x));
}

}  // namespace sa3
