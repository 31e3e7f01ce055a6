// SPDX-License-Identifier: GPL-3.0-or-later
// RenderLayout: canvas, valid and effective lengths worked out by hand from upstream's rules
// (model.py: _adapt_sample_size; sampling.py: headroom tokens; data/utils.py: effective length).
#include "sample/render_layout.h"

#include <gtest/gtest.h>

#include <ATen/ops/equal.h>
#include <ATen/ops/tensor.h>

#include "sa3/error.h"

namespace sa3 {
namespace {

TEST(RenderLayout, TenSeconds_MatchesHandComputedLengths) {
  // canvas: int(16·44100) = 705600 → 173·4096 = 708608 → 87·8192 = 712704 samples = 174 latents.
  // effective: ceil(441000/4096) = 108; headroom int(6·44100/4096) = 64 → valid 172.
  const RenderLayout layout = layout_for_duration(10.0, RenderGeometry{});
  EXPECT_EQ(layout.latent_length, 174);
  EXPECT_EQ(layout.effective_length, 108);
  EXPECT_EQ(layout.valid_length, 172);
  EXPECT_EQ(layout.output_samples, 441000);
}

TEST(RenderLayout, ShortDuration_ValidLengthCoversCanvas) {
  // 1 s: canvas int(7·44100) = 308700 → 76·4096 = 311296 → 38·8192 = 311296 → 76 latents;
  // effective ceil(44100/4096) = 11, + 64 headroom = 75 < 76.
  const RenderLayout layout = layout_for_duration(1.0, RenderGeometry{});
  EXPECT_EQ(layout.latent_length, 76);
  EXPECT_EQ(layout.effective_length, 11);
  EXPECT_EQ(layout.valid_length, 75);
}

TEST(RenderLayout, NearModelLimit_CanvasIsCappedAndValidClamped) {
  RenderGeometry geometry;
  geometry.max_samples = 1300 * 4096;
  const RenderLayout layout = layout_for_duration(118.0, geometry);
  EXPECT_EQ(layout.latent_length, 1300);
  EXPECT_EQ(layout.valid_length, 1300);
  EXPECT_EQ(layout.effective_length, 1271);  // ceil(5203800 / 4096)
}

TEST(RenderLayout, LongerThanModel_IsRefusedNamingTheLimit) {
  RenderGeometry geometry;
  geometry.max_samples = 1300 * 4096;
  try {
    layout_for_duration(200.0, geometry);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(e.what()).find("120.74"), std::string::npos) << e.what();
  }
}

TEST(RenderLayout, NonPositiveSeconds_IsRefused) {
  EXPECT_THROW(layout_for_duration(0.0, RenderGeometry{}), Error);
  EXPECT_THROW(layout_for_duration(-3.0, RenderGeometry{}), Error);
}

TEST(RenderLayout, PaddingMask_MarksTheFirstValidLatents) {
  RenderLayout layout;
  layout.latent_length = 5;
  layout.valid_length = 3;
  const at::Tensor mask = layout.padding_mask(2, at::kCPU);
  const at::Tensor expected = at::tensor({1, 1, 1, 0, 0, 1, 1, 1, 0, 0}).view({2, 5}).to(at::kBool);
  EXPECT_TRUE(at::equal(mask, expected));
}

}  // namespace
}  // namespace sa3
