// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of the SAME attention kernels against dense attention with an explicit band mask.
#include "model/autoencoders/sliding_window_attention.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace sa3::same {
namespace {

// Reference: dense softmax over all keys with -inf outside -w_left <= j - i <= w_right.
at::Tensor masked_reference(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, int64_t w_left,
                            int64_t w_right) {
  const int64_t n = q.size(2);
  const at::Tensor i = at::arange(n).view({n, 1});
  const at::Tensor j = at::arange(n).view({1, n});
  const at::Tensor band = at::logical_and(j - i >= -w_left, j - i <= w_right);
  const at::Tensor bias = at::where(band, at::zeros({}), at::full({}, -std::numeric_limits<float>::infinity()));
  const at::Tensor scores = at::matmul(q, k.transpose(-2, -1)) / std::sqrt(double(q.size(-1))) + bias;
  return at::matmul(at::softmax(scores, -1), v);
}

struct Shape {
  int64_t n;
  int64_t w_left;
  int64_t w_right;
};

class SlidingWindowAttention : public testing::TestWithParam<Shape> {};

TEST_P(SlidingWindowAttention, BandedResult_MatchesDenseMaskedAttention) {
  const Shape s = GetParam();
  at::manual_seed(s.n * 100 + s.w_left);
  const at::Tensor q = at::randn({2, 3, s.n, 16});
  const at::Tensor k = at::randn({2, 3, s.n, 16});
  const at::Tensor v = at::randn({2, 3, s.n, 16});
  const at::Tensor out = sliding_window_attention(q, k, v, s.w_left, s.w_right);
  ASSERT_EQ(out.sizes(), q.sizes());
  EXPECT_LT((out - masked_reference(q, k, v, s.w_left, s.w_right)).abs().max().item<double>(), 1e-5);
}

INSTANTIATE_TEST_SUITE_P(Shapes, SlidingWindowAttention,
                         testing::Values(Shape{51, 17, 17},    // whole blocks
                                         Shape{60, 17, 17},    // ragged last block
                                         Shape{10, 17, 17},    // sequence shorter than the window
                                         Shape{45, 3, 7},      // asymmetric window
                                         Shape{33, 0, 5},      // look-ahead only
                                         Shape{1, 17, 17}));   // single token

TEST(FullAttention, Result_MatchesSoftmaxOfScaledScores) {
  at::manual_seed(3);
  const at::Tensor q = at::randn({4, 2, 34, 64});
  const at::Tensor k = at::randn({4, 2, 34, 64});
  const at::Tensor v = at::randn({4, 2, 34, 64});
  const at::Tensor expected = at::matmul(at::softmax(at::matmul(q, k.transpose(-2, -1)) / 8.0, -1), v);
  EXPECT_LT((full_attention(q, k, v) - expected).abs().max().item<double>(), 1e-5);
}

TEST(FullAttention, NonContiguousInputs_GiveTheSameResult) {
  at::manual_seed(4);
  const at::Tensor qkv = at::randn({2, 34, 3, 2, 64}).permute({2, 0, 3, 1, 4});  // [3, B, H, N, d] view
  const at::Tensor out = full_attention(qkv[0], qkv[1], qkv[2]);
  const at::Tensor ref = full_attention(qkv[0].contiguous(), qkv[1].contiguous(), qkv[2].contiguous());
  EXPECT_TRUE(at::equal(out, ref));
}

TEST(SlidingWindowAttention, Bfloat16Inputs_StayCloseToFloat) {
  at::manual_seed(5);
  const at::Tensor q = at::randn({1, 2, 70, 64});
  const at::Tensor out = sliding_window_attention(q.to(at::kBFloat16), q.to(at::kBFloat16), q.to(at::kBFloat16), 17, 17);
  EXPECT_EQ(out.scalar_type(), at::kBFloat16);
  EXPECT_LT((out.to(at::kFloat) - sliding_window_attention(q, q, q, 17, 17)).abs().max().item<double>(), 0.1);
}

}  // namespace
}  // namespace sa3::same
