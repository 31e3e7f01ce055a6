// SPDX-License-Identifier: GPL-3.0-or-later
// Sinkhorn-based minibatch OT assignment, computed in fp32 without autograd.
#include "train/ot_coupling.h"

#include <limits>
#include <vector>

#include <ATen/ATen.h>

namespace sa3 {

at::Tensor ot_coupling_permutation(const at::Tensor& x0, const at::Tensor& noise) {
  at::NoGradGuard no_grad;
  const int64_t batch = x0.size(0);
  const auto data = x0.detach().reshape({batch, -1}).to(at::kFloat);
  const auto eps = noise.detach().reshape({batch, -1}).to(at::kFloat);
  const auto aa = (data * data).sum(1, true);
  const auto bb = (eps * eps).sum(1, true);
  const auto cost = aa + bb.t() - 2.0 * at::matmul(data, eps.t());
  auto log_p = -cost / cost.mean();
  for (int i = 0; i < 20; ++i) {
    log_p = log_p - at::logsumexp(log_p, {1}, true);
    log_p = log_p - at::logsumexp(log_p, {0}, true);
  }
  const auto p = log_p.exp().cpu().contiguous();
  const auto* values = p.data_ptr<float>();
  std::vector<bool> used(batch, false);
  auto perm = at::empty({batch}, at::kLong);
  for (int64_t i = 0; i < batch; ++i) {
    // Upstream sets used columns to −1 (probabilities are ≥ 0) and takes the first maximum.
    int64_t best = -1;
    float best_value = -std::numeric_limits<float>::infinity();
    for (int64_t j = 0; j < batch; ++j) {
      const float v = used[j] ? -1.0f : values[i * batch + j];
      if (v > best_value) {
        best_value = v;
        best = j;
      }
    }
    perm[i] = best;
    used[best] = true;
  }
  return perm.to(x0.device());
}

}  // namespace sa3
