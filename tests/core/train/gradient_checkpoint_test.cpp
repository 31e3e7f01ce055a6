// SPDX-License-Identifier: GPL-3.0-or-later
// Gradient checkpointing gives the same values and gradients (inputs and parameters used
// inside the block) as running the block normally.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>

#include "train/gradient_checkpoint.h"

namespace sa3 {
namespace {

struct Case {
  at::Tensor w, x, c;
};

Case make_case() {
  auto gen = at::detail::createCPUGenerator(4);
  return {at::randn({6, 6}, gen).requires_grad_(), at::randn({3, 6}, gen).requires_grad_(),
          at::randn({3, 6}, gen)};
}

TEST(GradientCheckpoint, TwoBlocks_MatchPlainGradients) {
  auto plain = make_case();
  auto ckpt = make_case();
  const auto block_for = [](const at::Tensor& w) {
    return [w](const std::vector<at::Tensor>& in) {
      auto y = at::tanh(at::matmul(in[0], w)) + in[0];
      if (in[1].defined()) y = y + in[1];
      return y;
    };
  };
  auto h = block_for(plain.w)({plain.x * 2, plain.c});
  h = block_for(plain.w)({h, at::Tensor()});
  h.pow(2).sum().backward();

  auto g = checkpoint(block_for(ckpt.w), {ckpt.x * 2, ckpt.c});
  g = checkpoint(block_for(ckpt.w), {g, at::Tensor()});
  EXPECT_TRUE(at::allclose(g, h));
  EXPECT_NE(g.grad_fn(), nullptr);
  g.pow(2).sum().backward();

  ASSERT_TRUE(ckpt.w.grad().defined());
  ASSERT_TRUE(ckpt.x.grad().defined());
  EXPECT_LE((ckpt.w.grad() - plain.w.grad()).abs().max().item<double>(), 1e-5);
  EXPECT_LE((ckpt.x.grad() - plain.x.grad()).abs().max().item<double>(), 1e-5);
}

TEST(GradientCheckpoint, WithoutGradMode_IsAPlainCall) {
  auto c = make_case();
  at::NoGradGuard no_grad;
  const auto out = checkpoint([&](const std::vector<at::Tensor>& in) { return in[0] * 3; }, {c.x});
  EXPECT_EQ(out.grad_fn(), nullptr);
  EXPECT_TRUE(at::allclose(out, c.x * 3));
}

}  // namespace
}  // namespace sa3
