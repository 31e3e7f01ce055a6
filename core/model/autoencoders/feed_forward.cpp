// SPDX-License-Identifier: GPL-3.0-or-later
// GLU and FeedForward of the SAME blocks.
#include "model/autoencoders/feed_forward.h"

#include <ATen/ops/silu.h>
#include <ATen/ops/sin.h>
#include <torch/nn/modules/linear.h>

namespace sa3::same {

GLUImpl::GLUImpl(int64_t dim_in, int64_t dim_out, bool sinusoidal) : sinusoidal_(sinusoidal) {
  proj = register_module("proj", torch::nn::Linear(torch::nn::LinearOptions(dim_in, dim_out * 2)));
}

at::Tensor GLUImpl::forward(const at::Tensor& x) {
  const at::Tensor h = proj(x);
  const int64_t half = h.size(-1) / 2;
  const at::Tensor value = h.narrow(-1, 0, half);
  const at::Tensor gate = h.narrow(-1, half, half);
  // transformer.py: Sin uses the literal 3.14159265359, kept for bit-level parity.
  return value * (sinusoidal_ ? at::sin(gate * 3.14159265359) : at::silu(gate));
}

FeedForwardImpl::FeedForwardImpl(int64_t dim, double mult, bool sinusoidal) {
  const auto inner = static_cast<int64_t>(static_cast<double>(dim) * mult);
  glu_ = GLU(dim, inner, sinusoidal);
  linear_out_ = torch::nn::Linear(torch::nn::LinearOptions(inner, dim));
  ff = register_module("ff", torch::nn::ModuleList(glu_, torch::nn::Identity(), linear_out_));
}

at::Tensor FeedForwardImpl::forward(const at::Tensor& x) { return linear_out_(glu_(x)); }

}  // namespace sa3::same
