// SPDX-License-Identifier: GPL-3.0-or-later
// Training timesteps: the truncated logit-normal draw and the length-dependent "full" shift
// (spec §5.2; upstream inference/sampling.py: truncated_logistic_normal_rescaled,
// inference/distribution_shift.py: DistributionShift, training/diffusion.py: training_step).
#pragma once

#include <ATen/core/Tensor.h>

namespace sa3 {

struct DistributionShiftOptions {
  double base_shift = 0.5;
  double max_shift = 1.15;
  double min_length = 256;
  double max_length = 4096;
};

// z ~ N(0,1) [B] → the rescaled truncated logit-normal sample in [0, 1) (fp32), left
// truncation `left_trunc` of the probability mass, right truncation at 1.
at::Tensor truncated_logit_normal_rescaled(const at::Tensor& z, double left_trunc = 0.075);

// t [B] shifted per element by latent length lengths [B] (clamped to [min, max]).
at::Tensor shift_timesteps(const at::Tensor& t, const at::Tensor& lengths,
                           const DistributionShiftOptions& options = {});

// Upstream's effective length from seconds_total: ceil(int(seconds·44100) / 4096).
int64_t effective_latent_length(double seconds_total, int sample_rate = 44100,
                                int downsampling_ratio = 4096);

// The training timesteps from logits z [B] and effective lengths [B]: 1 − sample, then shifted.
at::Tensor training_timesteps(const at::Tensor& z, const at::Tensor& lengths,
                              const DistributionShiftOptions& options = {});

}  // namespace sa3
