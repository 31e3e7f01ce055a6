// SPDX-License-Identifier: GPL-3.0-or-later
// Parity checker for kind `train_timesteps`: the truncated logit-normal draw, the training
// flip and the length-dependent "full" shift (fixtures README §7).
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "parity/parity_registry.h"
#include "parity/parity_tolerance.h"
#include "train/timestep_sampler.h"

namespace sa3 {
namespace {

void check_train_timesteps(const test::ParityFixture& f) {
  const auto& config = f.config();
  const double left = config.at("left_trunc").get<double>();
  const auto& shift = config.at("distribution_shift");
  DistributionShiftOptions options;
  options.base_shift = shift.at("base_shift").get<double>();
  options.max_shift = shift.at("max_shift").get<double>();
  options.min_length = shift.at("min_length").get<double>();
  options.max_length = shift.at("max_length").get<double>();

  const auto z = f.tensor("in.z");
  const auto sample = truncated_logit_normal_rescaled(z, left);
  EXPECT_TRUE(test::matches_abs(sample, f.tensor("out.rescaled_sample"), 1e-6));
  const auto t_raw = 1 - sample;
  EXPECT_TRUE(test::matches_abs(t_raw, f.tensor("out.t_raw"), 1e-6));

  const auto lengths = f.tensor("in.lengths");
  const auto expected = f.tensor("out.t_shifted");
  for (int64_t i = 0; i < lengths.size(0); ++i) {
    const auto per_length = at::full({t_raw.size(0)}, lengths[i].item<int64_t>(), at::kLong);
    EXPECT_TRUE(test::matches_abs(shift_timesteps(t_raw, per_length, options), expected[i], 1e-6))
        << "length " << lengths[i].item<int64_t>();
  }
}

const test::ParityCheckerRegistrar registrar("train_timesteps", check_train_timesteps);

}  // namespace
}  // namespace sa3
