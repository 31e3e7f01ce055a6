// SPDX-License-Identifier: GPL-3.0-or-later
// SamplingShift and build_schedule against closed forms (the parity fixture covers the default
// log-SNR and "full" shifts; these cover config parsing, the flux shift and bad input).
#include "sample/sampling_shift.h"

#include <gtest/gtest.h>

#include <cmath>

#include <ATen/ops/tensor.h>
#include <nlohmann/json.hpp>

#include "sa3/error.h"
#include "sample/schedule.h"

namespace sa3 {
namespace {

TEST(SamplingShift, FromJsonWithoutType_IsTheFullShiftWithUpstreamDefaults) {
  const SamplingShift s = SamplingShift::from_json(nlohmann::json::object(), "options");
  EXPECT_EQ(s.type, SamplingShift::Type::Full);
  EXPECT_DOUBLE_EQ(s.base_shift, 0.5);
  EXPECT_DOUBLE_EQ(s.max_shift, 1.15);
}

TEST(SamplingShift, ConfiguredLogSnr_DefaultsToRateOne) {
  const SamplingShift s = SamplingShift::from_json({{"type", "logsnr"}}, "options");
  EXPECT_DOUBLE_EQ(s.rate, 1.0);
  EXPECT_DOUBLE_EQ(SamplingShift::model_default().rate, 0.0);
}

TEST(SamplingShift, LogSnrWithRate_StartsLowerForLongerSequences) {
  SamplingShift s = SamplingShift::from_json({{"type", "logsnr"}, {"rate", 1.0}}, "options");
  const at::Tensor half = at::tensor({0.5f});
  // logsnr_start at L = 4000 is −7.2, so t(0.5) = sigmoid(−(2 − 0.5·9.2)) = sigmoid(2.6).
  const double expected = 1.0 / (1.0 + std::exp(-2.6));
  EXPECT_NEAR(s.apply(half, 4000).item<float>(), expected, 1e-6);
}

TEST(SamplingShift, Flux_MatchesClosedForm) {
  const SamplingShift s = SamplingShift::from_json(
      {{"type", "flux"}, {"alpha_min", 1.0}, {"alpha_max", 4.0}, {"min_length", 256}, {"max_length", 4096}},
      "options");
  // L = 1024 is halfway in log-length, so alpha = 2 and t' = 2t/(1+t).
  const at::Tensor t = at::tensor({0.0f, 0.25f, 0.5f, 1.0f});
  const at::Tensor out = s.apply(t, 1024);
  const float expected[] = {0.0f, 0.4f, 2.0f / 3.0f, 1.0f};
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(out[i].item<float>(), expected[i], 1e-6) << i;
}

TEST(SamplingShift, UnknownTypeOrKey_NamesTheField) {
  try {
    SamplingShift::from_json({{"type", "cosine"}}, "model_config.json: sampling_distribution_shift_options");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("sampling_distribution_shift_options.type"), std::string::npos);
  }
  EXPECT_THROW(SamplingShift::from_json({{"type", "full"}, {"rate", 2}}, "options"), Error);
  EXPECT_THROW(SamplingShift::from_json({{"type", "full"}, {"base_shift", "x"}}, "options"), Error);
}

TEST(BuildSchedule, AnyShift_StartsAtSigmaMaxAndEndsAtZero) {
  SamplingShift full;
  full.type = SamplingShift::Type::Full;
  for (const SamplingShift& s : {SamplingShift::model_default(), full}) {
    const at::Tensor t = build_schedule(10, 1.0, s, 500);
    ASSERT_EQ(t.size(0), 11);
    EXPECT_EQ(t[0].item<float>(), 1.0f);
    EXPECT_EQ(t[10].item<float>(), 0.0f);
    for (int i = 0; i < 10; ++i) EXPECT_GT(t[i].item<float>(), t[i + 1].item<float>()) << i;
  }
}

TEST(BuildSchedule, BadStepsOrSigma_IsRefused) {
  EXPECT_THROW(build_schedule(0, 1.0, SamplingShift::model_default(), 100), Error);
  EXPECT_THROW(build_schedule(8, 1.5, SamplingShift::model_default(), 100), Error);
  EXPECT_THROW(build_schedule(8, 0.0, SamplingShift::model_default(), 100), Error);
}

}  // namespace
}  // namespace sa3
