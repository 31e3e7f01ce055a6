// SPDX-License-Identifier: GPL-3.0-or-later
// SeededNoise: one seed, one noise stream, whatever else the process draws.
#include "sample/seeded_noise.h"

#include <gtest/gtest.h>

#include <ATen/ops/equal.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/zeros.h>

namespace sa3 {
namespace {

const at::TensorOptions kFloat = at::TensorOptions().dtype(at::kFloat);

TEST(SeededNoise, SameSeed_GivesIdenticalStreams) {
  SeededNoise a(7), b(7);
  EXPECT_TRUE(at::equal(a.draw({2, 8, 16}, kFloat), b.draw({2, 8, 16}, kFloat)));
  const at::Tensor like = at::zeros({1, 4, 5});
  EXPECT_TRUE(at::equal(a.like(like), b.like(like)));
}

TEST(SeededNoise, GlobalGeneratorUse_DoesNotDisturbTheStream) {
  SeededNoise a(7);
  const at::Tensor first = a.draw({64}, kFloat);
  (void)at::randn({1000});  // someone else drawing from torch's default generator
  SeededNoise b(7);
  EXPECT_TRUE(at::equal(first, b.draw({64}, kFloat)));
}

TEST(SeededNoise, DifferentSeeds_GiveDifferentNoise) {
  SeededNoise a(7), b(8);
  EXPECT_FALSE(at::equal(a.draw({64}, kFloat), b.draw({64}, kFloat)));
}

TEST(SeededNoise, SuccessiveDraws_Differ) {
  SeededNoise a(7);
  EXPECT_FALSE(at::equal(a.draw({64}, kFloat), a.draw({64}, kFloat)));
}

TEST(SeededNoise, Draw_IsStandardNormal) {
  SeededNoise a(123);
  const at::Tensor x = a.draw({100000}, kFloat);
  EXPECT_NEAR(x.mean().item<double>(), 0.0, 0.02);
  EXPECT_NEAR(x.std().item<double>(), 1.0, 0.02);
}

TEST(SeededNoise, Like_FollowsTheDtype) {
  SeededNoise a(1);
  EXPECT_EQ(a.like(at::zeros({3}, at::kDouble)).scalar_type(), at::kDouble);
}

}  // namespace
}  // namespace sa3
