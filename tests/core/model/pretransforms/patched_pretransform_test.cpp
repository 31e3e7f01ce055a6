// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of PatchedPretransform: the channel layout of patches and the exact round trip.
#include "model/pretransforms/patched_pretransform.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sa3/error.h"

namespace sa3 {
namespace {

TEST(PatchedPretransform, Encode_PutsSampleHOfPatchLOfChannelCAtRowCTimesPatchPlusH) {
  const PatchedPretransform patches(2, 4);
  const at::Tensor audio = at::arange(2 * 10, at::kFloat).view({1, 2, 10});
  const at::Tensor p = patches.encode(audio);
  ASSERT_EQ(p.sizes(), (std::vector<int64_t>{1, 8, 3}));  // 10 samples pad to 12 = 3 patches
  EXPECT_EQ(p[0][1 * 4 + 2][1].item<float>(), audio[0][1][1 * 4 + 2].item<float>());
  EXPECT_EQ(p[0][0 * 4 + 3][0].item<float>(), audio[0][0][3].item<float>());
  EXPECT_EQ(p[0][1 * 4 + 3][2].item<float>(), 0.0f);  // zero padding at the end
}

TEST(PatchedPretransform, DecodeOfEncode_ReturnsThePaddedAudio) {
  const PatchedPretransform patches(2, 256);
  const at::Tensor audio = at::randn({3, 2, 256 * 5});
  EXPECT_TRUE(at::equal(patches.decode(patches.encode(audio)), audio));
}

TEST(PatchedPretransform, WrongChannelCountOrConfig_ThrowsInvalidInput) {
  const PatchedPretransform patches(2, 256);
  EXPECT_THROW(patches.encode(at::zeros({1, 1, 512})), Error);
  EXPECT_THROW(PatchedPretransform::from_json({{"channels", 2}}), Error);
  EXPECT_THROW(PatchedPretransform::from_json({{"channels", 2}, {"patch_size", 256}, {"oversampling", 2}}), Error);
  EXPECT_EQ(PatchedPretransform::from_json({{"channels", 2}, {"patch_size", 256}}).patch_size(), 256);
}

}  // namespace
}  // namespace sa3
