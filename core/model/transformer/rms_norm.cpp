// SPDX-License-Identifier: GPL-3.0-or-later
// RMSNorm with the reference's documented math (the fixtures' PyTorch lacked F.rms_norm).
#include "model/transformer/rms_norm.h"

#include <ATen/ATen.h>

namespace sa3 {

RMSNormImpl::RMSNormImpl(std::int64_t dim, double eps, bool force_fp32)
    : eps_(eps), force_fp32_(force_fp32) {
  gamma = register_parameter("gamma", at::ones({dim}));
}

at::Tensor RMSNormImpl::forward(const at::Tensor& x) {
  const bool upcast = force_fp32_ && x.scalar_type() != at::kFloat && x.scalar_type() != at::kDouble;
  const at::Tensor v = upcast ? x.to(at::kFloat) : x;
  const at::Tensor w = upcast ? gamma.to(at::kFloat) : gamma;
  at::Tensor y = v * at::rsqrt(v.pow(2).mean(-1, /*keepdim=*/true) + eps_) * w;
  return upcast ? y.to(x.scalar_type()) : y;
}

}  // namespace sa3
