// SPDX-License-Identifier: GPL-3.0-or-later
// WNConv1d: weight norm applied at each forward, as torch's weight_norm hook does.
#include "model/autoencoders/wn_conv1d.h"

#include <ATen/ops/_weight_norm.h>
#include <ATen/ops/conv1d.h>
#include <ATen/ops/norm.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/zeros.h>

#include <cmath>

namespace sa3::same {

WNConv1dImpl::WNConv1dImpl(int64_t in_channels, int64_t out_channels, int64_t kernel_size) {
  const at::Tensor v = at::randn({out_channels, in_channels, kernel_size}) / std::sqrt(double(in_channels * kernel_size));
  weight_v = register_parameter("weight_v", v);
  weight_g = register_parameter("weight_g", v.flatten(1).norm(2, {1}, true).unsqueeze(-1));
  bias = register_parameter("bias", at::zeros({out_channels}));
}

at::Tensor WNConv1dImpl::forward(const at::Tensor& x) {
  const at::Tensor w = at::_weight_norm(weight_v, weight_g, 0);
  return at::conv1d(x, w, bias, /*stride=*/1, /*padding=*/weight_v.size(2) / 2);
}

}  // namespace sa3::same
