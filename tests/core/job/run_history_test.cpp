// SPDX-License-Identifier: GPL-3.0-or-later
// Loss curves read from progress.jsonl: a resumed session that repeats steps replaces them.
#include <gtest/gtest.h>

#include "sa3/runs.h"
#include "test_support.h"

namespace sa3 {
namespace {

TEST(ReadLossCurve, RepeatedStepsAfterACrash_AreReplacedByTheResumedSession) {
  test::TempDir dir;
  // Session 1 trained to step 3 but its last checkpoint was step 2; session 2 resumes there.
  test::write_text(dir / "progress.jsonl",
                   "{\"event\":\"start\",\"step\":0}\n"
                   "{\"event\":\"step\",\"step\":1,\"loss\":0.9}\n"
                   "{\"event\":\"step\",\"step\":2,\"loss\":0.8}\n"
                   "{\"event\":\"step\",\"step\":3,\"loss\":0.7}\n"
                   "{\"event\":\"start\",\"step\":2}\n"
                   "{\"event\":\"step\",\"step\":3,\"loss\":0.6}\n"
                   "{\"event\":\"step\",\"step\":4,\"loss\":0.5}\n");
  const auto curve = read_loss_curve(dir.path());
  ASSERT_TRUE(curve) << curve.error().message;
  ASSERT_EQ(curve->size(), 4u);
  const std::vector<std::int64_t> steps = {(*curve)[0].step, (*curve)[1].step, (*curve)[2].step, (*curve)[3].step};
  EXPECT_EQ(steps, (std::vector<std::int64_t>{1, 2, 3, 4}));
  EXPECT_DOUBLE_EQ((*curve)[2].loss, 0.6);
}

TEST(ReadLossCurve, StepsWithoutLoss_AreLeftOut) {
  test::TempDir dir;
  test::write_text(dir / "progress.jsonl",
                   "{\"event\":\"step\",\"step\":1}\n"
                   "{\"event\":\"step\",\"step\":2,\"loss\":0.4}\n");
  const auto curve = read_loss_curve(dir.path());
  ASSERT_TRUE(curve) << curve.error().message;
  ASSERT_EQ(curve->size(), 1u);
  EXPECT_EQ(curve->front().step, 2);
}

}  // namespace
}  // namespace sa3
