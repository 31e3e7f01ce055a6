// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaRMSNorm: Gemma's RMSNorm with a (1 + weight) gain, computed in fp32.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace sa3 {

// transformers models/t5gemma/modeling_t5gemma.py: T5GemmaRMSNorm.
// y = x * rsqrt(mean(x^2) + eps) * (1 + weight), in fp32, returned in x's dtype.
class T5GemmaRMSNormImpl : public torch::nn::Module {
 public:
  T5GemmaRMSNormImpl(int64_t dim, double eps);
  // x: [..., dim] -> [..., dim]
  at::Tensor forward(const at::Tensor& x);

  at::Tensor weight;  // [dim], zero-initialised (gain 1)

 private:
  double eps_;
};
TORCH_MODULE(T5GemmaRMSNorm);

}  // namespace sa3
