// SPDX-License-Identifier: GPL-3.0-or-later
// Step and loss values in trainer log lines.
#include <gtest/gtest.h>

#include <cmath>

#include "sa3/fal.h"

namespace sa3 {
namespace {

TEST(ParseLoggedStep, FalTrainerLine_StepTotalAndLoss) {
  const auto s = parse_logged_step("step 120/1000 loss=0.0831");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->step, 120);
  EXPECT_EQ(s->total, 1000);
  EXPECT_DOUBLE_EQ(s->loss, 0.0831);
}

TEST(ParseLoggedStep, Variants_Accepted) {
  EXPECT_DOUBLE_EQ(parse_logged_step("Step: 5, Loss: 1.5e-2")->loss, 0.015);
  EXPECT_EQ(parse_logged_step("[train] step=7 of 10 | loss 0.3")->total, 10);
  EXPECT_TRUE(std::isnan(parse_logged_step("step 3 loss=nan")->loss));
}

TEST(ParseLoggedStep, LinesWithoutBoth_Ignored) {
  EXPECT_FALSE(parse_logged_step("Downloading dataset"));
  EXPECT_FALSE(parse_logged_step("step 4/10 starting"));
  EXPECT_FALSE(parse_logged_step("loss=0.2"));
  EXPECT_FALSE(parse_logged_step("stepping loss=0.2"));
}

}  // namespace
}  // namespace sa3
