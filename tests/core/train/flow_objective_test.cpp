// SPDX-License-Identifier: GPL-3.0-or-later
// The random parts of the training objective: masks, silence extension, OT permutations and
// the reproducibility of TrainingRng.
#include <set>

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "train/flow_objective.h"
#include "train/ot_coupling.h"
#include "train/padding_masks.h"
#include "train/training_rng.h"

namespace sa3 {
namespace {

at::Tensor mask_of(std::vector<int64_t> valid, int64_t length) {
  const auto lengths = at::tensor(valid);
  return at::arange(length).unsqueeze(0) < lengths.unsqueeze(1);
}

TEST(TrainingRng, RestoredState_DrawsTheSameSequence) {
  TrainingRng a(42);
  a.normal({7});
  const auto state = a.state();
  const auto first = a.normal({5});
  const auto n = a.integer(0, 1000);
  TrainingRng b(1);
  b.set_state(state);
  EXPECT_TRUE(at::equal(b.normal({5}), first));
  EXPECT_EQ(b.integer(0, 1000), n);
}

TEST(TrainingRng, BadState_IsRejected) {
  TrainingRng a(42);
  EXPECT_THROW(a.set_state({1, 2, 3}), std::exception);
}

TEST(PaddingMasks, SilenceExtension_OnlyGrowsAndStaysInside) {
  TrainingRng rng(3);
  const auto mask = mask_of({4, 10, 0}, 10);
  for (int i = 0; i < 50; ++i) {
    const auto aug = augment_padding_mask(mask, rng, 43.07);
    EXPECT_TRUE((aug.to(at::kInt) >= mask.to(at::kInt)).all().item<bool>());
    EXPECT_EQ(aug.size(1), 10);
  }
}

TEST(PaddingMasks, Resize_RoundsValidLengthUp) {
  const auto resized = resize_padding_mask(mask_of({5, 8}, 8), 3);
  EXPECT_EQ(resized.sum(1)[0].item<int64_t>(), 2);  // ceil(5·3/8)
  EXPECT_EQ(resized.sum(1)[1].item<int64_t>(), 3);
}

TEST(InpaintMask, ManyDraws_CoverAllThreeKindsWithPaddingGenerated) {
  TrainingRng rng(5);
  const auto padding = mask_of({12}, 16);
  int full = 0, partial = 0;
  for (int i = 0; i < 400; ++i) {
    const auto m = random_inpaint_mask(padding, rng)[0][0];
    EXPECT_EQ(m.narrow(0, 12, 4).sum().item<float>(), 0.0f);  // padding is never context
    const auto kept = m.sum().item<float>();
    if (kept == 0) ++full; else ++partial;
  }
  EXPECT_GT(full, 280);  // FULL is 80 % (plus segment/causal draws that mask everything)
  EXPECT_GT(partial, 20);
}

TEST(OtCoupling, Permutation_IsValidAndPairsNearestNoise) {
  TrainingRng rng(9);
  const auto x0 = rng.normal({6, 4, 8}) * 5;
  const auto perm0 = at::tensor(std::vector<int64_t>{3, 5, 0, 1, 4, 2});
  const auto noise = x0.index_select(0, at::argsort(perm0)) + rng.normal({6, 4, 8}) * 0.01;
  const auto perm = ot_coupling_permutation(x0, noise);
  std::set<int64_t> seen(perm.data_ptr<int64_t>(), perm.data_ptr<int64_t>() + 6);
  EXPECT_EQ(seen.size(), 6u);
  EXPECT_TRUE(at::allclose(noise.index_select(0, perm), x0, 0, 0.1));
}

TEST(FlowObjective, SameSeed_GivesSameInputsAndLoss) {
  const auto x0 = at::randn({2, 4, 8});
  const auto padding = mask_of({8, 5}, 8);
  const auto seconds = at::tensor(std::vector<double>{3.0, 2.0}, at::kDouble);
  const auto run = [&](uint64_t seed) {
    TrainingRng rng(seed);
    const auto d = draw_flow_randomness(rng, padding, 4);
    const auto in = prepare_flow_inputs(x0, seconds, d);
    return flow_loss(at::zeros_like(x0), in.target, d.aug_mask, d.inpaint_mask).loss.item<double>();
  };
  EXPECT_EQ(run(1), run(1));
  EXPECT_NE(run(1), run(2));
}

}  // namespace
}  // namespace sa3
