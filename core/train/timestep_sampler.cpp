// SPDX-License-Identifier: GPL-3.0-or-later
// Timestep sampling for rectified-flow training, op for op as upstream (fp32) for parity.
#include "train/timestep_sampler.h"

#include <cmath>

#include <ATen/ATen.h>

namespace sa3 {
namespace {

constexpr double kSqrt2 = 1.4142135623730951;

// torch.distributions.Normal(0,1).cdf and .icdf.
at::Tensor normal_cdf(const at::Tensor& x) { return 0.5 * (1 + at::erf(x * (1.0 / kSqrt2))); }
at::Tensor normal_icdf(const at::Tensor& p) { return at::erfinv(2 * p - 1) * kSqrt2; }

}  // namespace

at::Tensor truncated_logit_normal_rescaled(const at::Tensor& z, double left_trunc) {
  const auto logits = z.to(at::kFloat);
  const auto cdf = normal_cdf(logits);
  const auto lower = normal_cdf(at::logit(at::scalar_tensor(left_trunc, at::kFloat)));
  const auto upper = normal_cdf(at::logit(at::scalar_tensor(1.0, at::kFloat)));
  const auto truncated = lower + (upper - lower) * cdf;
  const auto samples = at::sigmoid(normal_icdf(truncated));
  return (samples - left_trunc) / (1.0 - left_trunc);
}

at::Tensor shift_timesteps(const at::Tensor& t, const at::Tensor& lengths,
                           const DistributionShiftOptions& o) {
  const auto len = lengths.to(t.device()).to(at::kFloat).clamp(o.min_length, o.max_length);
  const auto mu = -(o.base_shift + (o.max_shift - o.base_shift) * (len - o.min_length) /
                                       (o.max_length - o.min_length));
  const auto e = at::exp(mu);
  return 1 - e / (e + (1 / (1 - t) - 1));
}

int64_t effective_latent_length(double seconds_total, int sample_rate, int downsampling_ratio) {
  const auto samples = static_cast<int64_t>(seconds_total * sample_rate);
  return static_cast<int64_t>(std::ceil(static_cast<double>(samples) / downsampling_ratio));
}

at::Tensor training_timesteps(const at::Tensor& z, const at::Tensor& lengths,
                              const DistributionShiftOptions& options) {
  return shift_timesteps(1 - truncated_logit_normal_rescaled(z), lengths, options);
}

}  // namespace sa3
