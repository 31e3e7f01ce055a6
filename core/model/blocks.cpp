// SPDX-License-Identifier: GPL-3.0-or-later
// Expo-Fourier features.
#include "model/blocks.h"

#include <ATen/ATen.h>

#include <cmath>

namespace sa3 {

at::Tensor expo_fourier_features(const at::Tensor& t, std::int64_t dim, double min_freq,
                                 double max_freq) {
  const auto in_dtype = t.scalar_type();
  at::Tensor x = t.to(at::kFloat);
  if (x.dim() == 1) x = x.unsqueeze(-1);
  const at::Tensor ramp = at::linspace(0, 1, dim / 2, x.options());
  const double log_min = std::log(min_freq);
  const double log_max = std::log(max_freq);
  const at::Tensor freqs = at::exp(ramp * (log_max - log_min) + log_min);
  const at::Tensor args = x * freqs * 2 * M_PI;
  return at::cat({at::cos(args), at::sin(args)}, -1).to(in_dtype);
}

}  // namespace sa3
