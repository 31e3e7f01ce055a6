// SPDX-License-Identifier: GPL-3.0-or-later
// Canonical SVD bases for the -xs adapters (spec §6.4).
#include "model/lora/svd_basis.h"

#include <string>

#include <ATen/ATen.h>

#include "sa3/error.h"

namespace sa3 {

SvdBasis canonical_svd_basis(const at::Tensor& weight_2d, int64_t rank, const std::string& module) {
  const int64_t out = weight_2d.size(0);
  const int64_t in = weight_2d.size(1);
  if (rank > std::min(out, in)) {
    throw_invalid(module + ": rank " + std::to_string(rank) + " exceeds min(out, in) = " +
                  std::to_string(std::min(out, in)) + " for an -xs adapter (lower the rank or " +
                  "exclude this module)");
  }
  // Upstream runs the SVD on the CPU in fp32 whatever the device, so do we.
  const auto w = weight_2d.detach().to(at::kCPU, at::kFloat);
  auto [u, s, vh] = at::linalg_svd(w, /*full_matrices=*/false);
  const auto cols = u.size(1);
  const auto peak = u.abs().argmax(/*dim=*/0);                       // [k]
  const auto picked = u.gather(0, peak.unsqueeze(0)).squeeze(0);     // [k]
  const auto sign = at::where(picked < 0, at::full({cols}, -1.0f), at::full({cols}, 1.0f));
  u = u * sign.unsqueeze(0);
  vh = vh * sign.unsqueeze(1);
  SvdBasis basis;
  basis.U = u.narrow(1, 0, rank).contiguous();
  basis.V = vh.narrow(0, 0, rank).t().contiguous();
  return basis;
}

}  // namespace sa3
