// SPDX-License-Identifier: GPL-3.0-or-later
// Attention kernel selection by LibTorch version.
#include "model/transformer/attention_kernel.h"

#include <ATen/ATen.h>
#include <torch/version.h>

#include <cmath>

namespace sa3 {

at::Tensor attend(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                  const at::Tensor& key_mask) {
#if TORCH_VERSION_MAJOR >= 2
  c10::optional<at::Tensor> mask;
  if (key_mask.defined()) mask = key_mask.view({key_mask.size(0), 1, 1, key_mask.size(1)});
  return at::scaled_dot_product_attention(q, k, v, mask);
#else
  // The math SDPA documents. Scores and softmax run in fp32 for half types so that bf16
  // weights do not lose the softmax's precision.
  const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
  at::Tensor scores = at::matmul(q, k.transpose(-2, -1)).mul_(scale);
  if (key_mask.defined()) {
    const at::Tensor blocked = key_mask.logical_not().view({key_mask.size(0), 1, 1, key_mask.size(1)});
    scores.masked_fill_(blocked, -std::numeric_limits<double>::infinity());
  }
  const bool half = q.scalar_type() == at::kBFloat16 || q.scalar_type() == at::kHalf;
  const at::Tensor probs = half ? at::softmax(scores, -1, at::kFloat).to(q.scalar_type())
                                : at::softmax(scores, -1);
  return at::matmul(probs, v);
#endif
}

}  // namespace sa3
