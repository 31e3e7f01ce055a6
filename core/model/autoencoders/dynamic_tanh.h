// SPDX-License-Identifier: GPL-3.0-or-later
// DynamicTanh: the DyT normalisation of the SAME transformer blocks and their q/k norms.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace sa3::same {

// stable_audio_3/models/transformer.py: DynamicTanh. y = gamma * tanh(alpha * x) + beta with
// a scalar alpha and per-feature gamma, beta over the last dimension.
class DynamicTanhImpl : public torch::nn::Module {
 public:
  explicit DynamicTanhImpl(int64_t dim);

  // x: [..., dim] -> [..., dim]
  at::Tensor forward(const at::Tensor& x);

  at::Tensor alpha;  // [1], init 4
  at::Tensor gamma;  // [dim], init 1
  at::Tensor beta;   // [dim], init 0
};
TORCH_MODULE(DynamicTanh);

}  // namespace sa3::same
