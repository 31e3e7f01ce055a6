// SPDX-License-Identifier: GPL-3.0-or-later
// Classifier-free guidance on rectified-flow outputs with APG (stable_audio_3/models/dit.py:
// DiffusionTransformer.forward CFG branch and apg_project).
#pragma once

#include <ATen/core/Tensor.h>

namespace sa3 {

struct CfgOptions {
  double scale = 1.0;               // cfg_scale; 1 = no guidance
  double apg_scale = 1.0;           // 0 vanilla CFG, 1 orthogonal part only, between: blend
  double norm_threshold = 0.0;      // cfg_norm_threshold; 0 = off
  double rescale_phi = 0.0;         // scale_phi (CFG rescale); 0 = off
  double interval_min = 0.0;        // guidance only for t inside [min, max] (cfg_interval)
  double interval_max = 1.0;
  at::Tensor negative_cross;        // replaces the all-zero null condition when defined
};

// Combines the conditional and unconditional velocities v_c, v_u [B,C,T] at x [B,C,T], t [B]
// into the guided velocity. padding_mask [B,T] (or undefined) restricts the projection to
// valid frames; at padded frames the conditional output is kept.
at::Tensor guide_velocity(const at::Tensor& x, const at::Tensor& t, const at::Tensor& v_cond,
                          const at::Tensor& v_uncond, const at::Tensor& padding_mask,
                          const CfgOptions& options);

}  // namespace sa3
