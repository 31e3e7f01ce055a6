// SPDX-License-Identifier: GPL-3.0-or-later
// CFG + APG arithmetic, in the reference's op order.
#include "model/cfg_guidance.h"

#include <ATen/ATen.h>

namespace sa3 {
namespace {

// dit.py: apg_project, orthogonal part only (the parallel part is never used).
at::Tensor apg_orthogonal(const at::Tensor& v0_in, const at::Tensor& v1_in, const at::Tensor& padding_mask) {
  const auto dtype = v0_in.scalar_type();
  const at::Tensor v0 = v0_in.to(at::kFloat);
  const at::Tensor v1 = v1_in.to(at::kFloat);
  const std::vector<std::int64_t> dims{-1, -2};
  if (padding_mask.defined()) {
    const at::Tensor mask = padding_mask.unsqueeze(1).to(at::kFloat);
    const at::Tensor v1_masked = v1 * mask;
    const at::Tensor v1_normalized =
        v1_masked / at::linalg_vector_norm(v1_masked, 2, dims, true).clamp_min(1e-8);
    const at::Tensor projection = (v0 * v1_normalized).sum(dims, true) * v1_normalized;
    return ((v0 - projection) * mask).to(dtype);
  }
  // F.normalize: v / max(‖v‖, 1e-12).
  const at::Tensor v1n = v1 / at::linalg_vector_norm(v1, 2, dims, true).clamp_min(1e-12);
  return (v0 - (v0 * v1n).sum(dims, true) * v1n).to(dtype);
}

}  // namespace

at::Tensor guide_velocity(const at::Tensor& x, const at::Tensor& t, const at::Tensor& v_cond,
                          const at::Tensor& v_uncond, const at::Tensor& padding_mask,
                          const CfgOptions& o) {
  const at::Tensor sigma = t.to(at::kFloat).view({-1, 1, 1});
  const at::Tensor cond_denoised = x - v_cond * sigma;
  const at::Tensor uncond_denoised = x - v_uncond * sigma;
  at::Tensor diff = cond_denoised - uncond_denoised;
  if (o.norm_threshold > 0) {
    const std::vector<std::int64_t> dims{-1, -2};
    const at::Tensor norm = padding_mask.defined()
        ? at::linalg_vector_norm(diff * padding_mask.unsqueeze(1).to(diff.scalar_type()), 2, dims, true)
        : at::linalg_vector_norm(diff, 2, dims, true);
    diff = diff * at::minimum(at::ones_like(diff), o.norm_threshold / norm);
  }
  at::Tensor cfg_diff = diff;
  if (o.apg_scale == 1.0) {
    cfg_diff = apg_orthogonal(diff, cond_denoised, padding_mask);
  } else if (o.apg_scale != 0.0) {
    cfg_diff = o.apg_scale * apg_orthogonal(diff, cond_denoised, padding_mask) + (1 - o.apg_scale) * diff;
  }
  const at::Tensor cfg_denoised = cond_denoised + (o.scale - 1) * cfg_diff;
  at::Tensor output = (x - cfg_denoised) / sigma;
  if (o.rescale_phi != 0.0) {
    const at::Tensor cond_std = v_cond.std(at::IntArrayRef{1}, true, true);
    const at::Tensor out_std = output.std(at::IntArrayRef{1}, true, true);
    output = o.rescale_phi * (output * (cond_std / out_std)) + (1 - o.rescale_phi) * output;
  }
  return output;
}

}  // namespace sa3
