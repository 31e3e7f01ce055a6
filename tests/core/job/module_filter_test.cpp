// SPDX-License-Identifier: GPL-3.0-or-later
// include/exclude patterns: expansion and matching as spec/sa3-model.md §6.3 describes upstream.
#include <gtest/gtest.h>

#include "sa3/job.h"

namespace sa3 {
namespace {

using Patterns = std::optional<std::vector<std::string>>;

TEST(ExpandPattern, SingleRange_ExpandsInclusive) {
  EXPECT_EQ(expand_pattern("layers.[0-2]."), (std::vector<std::string>{"layers.0.", "layers.1.", "layers.2."}));
}

TEST(ExpandPattern, DescendingAndSeveralRanges_CartesianProductInOrder) {
  EXPECT_EQ(expand_pattern(" a[2-1]b[0-1] "), (std::vector<std::string>{"a2b0", "a2b1", "a1b0", "a1b1"}));
}

TEST(ExpandPattern, NoRange_StrippedLiteral) {
  EXPECT_EQ(expand_pattern("  to_qkv\t"), std::vector<std::string>{"to_qkv"});
}

TEST(PatternProblem, BadSyntax_Explained) {
  EXPECT_FALSE(pattern_problem("layers.[0-23].self_attn"));
  EXPECT_TRUE(pattern_problem("layers.[0-"));
  EXPECT_TRUE(pattern_problem("layers.[a-b]"));
  EXPECT_TRUE(pattern_problem("layers.[3]"));
  EXPECT_TRUE(pattern_problem("x]"));
  EXPECT_TRUE(pattern_problem("   "));
  EXPECT_TRUE(pattern_problem("[0-999][0-999]"));
  EXPECT_THROW(expand_pattern("[1-"), Error);
}

TEST(ModuleSelected, NoFilters_EverythingSelected) {
  EXPECT_TRUE(module_selected("model.preprocess_conv", std::nullopt, std::nullopt));
  EXPECT_TRUE(module_selected("model.preprocess_conv", Patterns{std::vector<std::string>{}}, Patterns{std::vector<std::string>{}}));
}

TEST(ModuleSelected, IncludeRangeWithDots_MatchesOnlyThoseBlocks) {
  const Patterns include{{"layers.[0-1]."}};
  EXPECT_TRUE(module_selected("model.transformer.layers.1.self_attn.to_qkv", include, std::nullopt));
  EXPECT_FALSE(module_selected("model.transformer.layers.10.self_attn.to_qkv", include, std::nullopt));
  EXPECT_FALSE(module_selected("conditioners.seconds_total.embedder.embedding.1", include, std::nullopt));
}

TEST(ModuleSelected, IncludeWithoutTrailingDot_AlsoMatchesTwoDigitBlocks) {
  // The upstream gotcha, kept on purpose: plain substring matching.
  EXPECT_TRUE(module_selected("model.transformer.layers.12.ff.ff.2", Patterns{{"layers.1"}}, std::nullopt));
}

TEST(ModuleSelected, ExcludeWins_OverInclude) {
  const Patterns include{{"self_attn"}}, exclude{{"to_out"}};
  EXPECT_TRUE(module_selected("model.transformer.layers.0.self_attn.to_qkv", include, exclude));
  EXPECT_FALSE(module_selected("model.transformer.layers.0.self_attn.to_out", include, exclude));
  EXPECT_FALSE(module_selected("model.transformer.layers.0.cross_attn.to_q", include, exclude));
}

TEST(ModuleSelected, CaseSensitive) {
  EXPECT_FALSE(module_selected("model.transformer.layers.0.self_attn.to_qkv", Patterns{{"SELF_ATTN"}}, std::nullopt));
}

}  // namespace
}  // namespace sa3
