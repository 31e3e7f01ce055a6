// SPDX-License-Identifier: GPL-3.0-or-later
// Linear -> SiLU -> Linear.
#include "model/silu_mlp.h"

#include <ATen/ATen.h>

namespace sa3 {

SiLUMlpImpl::SiLUMlpImpl(std::int64_t in, std::int64_t hidden, std::int64_t out, bool bias) {
  first = register_module("0", AdaptableLinear(torch::nn::LinearOptions(in, hidden).bias(bias)));
  second = register_module("2", AdaptableLinear(torch::nn::LinearOptions(hidden, out).bias(bias)));
}

at::Tensor SiLUMlpImpl::forward(const at::Tensor& x) { return second(at::silu(first(x))); }

}  // namespace sa3
