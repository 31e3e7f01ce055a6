// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaRMSNorm.forward.
#include "model/t5gemma/t5gemma_rms_norm.h"

#include <ATen/ops/rsqrt.h>
#include <ATen/ops/zeros.h>

namespace sa3 {

T5GemmaRMSNormImpl::T5GemmaRMSNormImpl(int64_t dim, double eps) : eps_(eps) {
  weight = register_parameter("weight", at::zeros({dim}));
}

at::Tensor T5GemmaRMSNormImpl::forward(const at::Tensor& x) {
  const at::Tensor xf = x.to(at::kFloat);
  const at::Tensor normed = xf * at::rsqrt(xf.pow(2).mean(-1, true) + eps_);
  return (normed * (1.0 + weight.to(at::kFloat))).to(x.scalar_type());
}

}  // namespace sa3
