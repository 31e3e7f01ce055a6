// SPDX-License-Identifier: GPL-3.0-or-later
// Sampler loops on models whose answer is known (bit-level parity with the reference is the
// `sampler` parity fixture's job): an exact velocity field lands on the data, steps are reported
// and an exception from the step callback stops the loop.
#include "sample/samplers.h"

#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/full.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/zeros_like.h>

#include "sa3/error.h"
#include "sample/schedule.h"

namespace sa3 {
namespace {

at::Tensor schedule8() { return build_schedule(8, 1.0, SamplingShift::model_default(), 100); }

TEST(SampleEuler, ConstantVelocity_MovesByItOverTheWholeSchedule) {
  const at::Tensor x0 = at::randn({2, 4, 6});
  const at::Tensor v = at::full({2, 4, 6}, 0.25f);
  const at::Tensor out = sample_euler([&](const at::Tensor&, const at::Tensor&) { return v; }, x0,
                                      schedule8(), nullptr);
  // Σ dt = t_N − t_0 = −1.
  EXPECT_TRUE(at::allclose(out, x0 - v, 1e-6, 1e-6));
}

TEST(SampleEuler, StraightPathVelocity_RecoversTheData) {
  // On the path x_t = (1−t)·data + t·ε the true velocity is ε − data everywhere.
  const at::Tensor data = at::randn({1, 3, 5});
  const at::Tensor eps = at::randn({1, 3, 5});
  const at::Tensor out = sample_euler([&](const at::Tensor&, const at::Tensor&) { return eps - data; },
                                      eps, schedule8(), nullptr);
  EXPECT_TRUE(at::allclose(out, data, 1e-5, 1e-5));
}

TEST(SamplePingpong, ExactDenoiser_ReturnsTheDataWhateverTheNoise) {
  const at::Tensor data = at::randn({2, 3, 5});
  const VelocityFn denoiser = [&](const at::Tensor& x, const at::Tensor& t) {
    return (x - data) / t.view({-1, 1, 1});
  };
  int draws = 0;
  const NoiseFn noise = [&](const at::Tensor& like) {
    ++draws;
    return at::randn(like.sizes());
  };
  const at::Tensor out = sample_pingpong(denoiser, at::randn({2, 3, 5}), schedule8(), noise, nullptr);
  EXPECT_TRUE(at::allclose(out, data, 1e-5, 1e-5));
  EXPECT_EQ(draws, 8);
}

TEST(Samplers, StepCallback_SeesEveryStepInOrder) {
  std::vector<int64_t> seen;
  const at::Tensor x = at::randn({1, 2, 3});
  sample_euler([](const at::Tensor& x, const at::Tensor&) { return at::zeros_like(x); }, x, schedule8(),
               [&](int64_t done, int64_t total) {
                 EXPECT_EQ(total, 8);
                 seen.push_back(done);
               });
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8}));
}

TEST(Samplers, ThrowingStepCallback_StopsTheLoop) {
  int calls = 0;
  const VelocityFn model = [&](const at::Tensor& x, const at::Tensor&) {
    ++calls;
    return at::zeros_like(x);
  };
  const StepFn cancel_after_three = [](int64_t done, int64_t) {
    if (done == 3) throw Cancelled();
  };
  EXPECT_THROW(sample_pingpong(model, at::randn({1, 2, 3}), schedule8(),
                               [](const at::Tensor& l) { return at::zeros_like(l); }, cancel_after_three),
               Cancelled);
  EXPECT_EQ(calls, 3);
}

TEST(Samplers, TimestepsReachTheModelPerSampleInXsDtype) {
  const at::Tensor x = at::randn({3, 2, 4}, at::kDouble);
  sample_euler(
      [&](const at::Tensor& xi, const at::Tensor& t) {
        EXPECT_EQ(t.scalar_type(), at::kDouble);
        EXPECT_EQ(t.sizes(), at::IntArrayRef({3}));
        return at::zeros_like(xi);
      },
      x, schedule8(), nullptr);
}

}  // namespace
}  // namespace sa3
