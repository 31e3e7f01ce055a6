// SPDX-License-Identifier: GPL-3.0-or-later
// SwiGLU feed-forward.
#include "model/transformer/feed_forward.h"

#include <ATen/ATen.h>

namespace sa3 {

GLUImpl::GLUImpl(std::int64_t dim_in, std::int64_t dim_out) {
  proj = register_module("proj", AdaptableLinear(torch::nn::LinearOptions(dim_in, dim_out * 2)));
}

at::Tensor GLUImpl::forward(const at::Tensor& x) {
  const auto parts = proj(x).chunk(2, -1);
  return parts[0] * at::silu(parts[1]);
}

FeedForwardImpl::FeedForwardImpl(std::int64_t dim, double mult) {
  const auto inner = static_cast<std::int64_t>(static_cast<double>(dim) * mult);
  auto ff = register_module("ff", std::make_shared<torch::nn::Module>());
  glu = ff->register_module("0", GLU(dim, inner));
  linear_out = ff->register_module("2", AdaptableLinear(torch::nn::LinearOptions(inner, dim)));
}

at::Tensor FeedForwardImpl::forward(const at::Tensor& x) { return linear_out(glu(x)); }

}  // namespace sa3
