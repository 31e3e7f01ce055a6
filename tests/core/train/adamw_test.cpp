// SPDX-License-Identifier: GPL-3.0-or-later
// AdamW: our optimizer against LibTorch's own torch::optim::AdamW, and state save/restore.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <torch/optim/adamw.h>

#include "sa3/error.h"
#include "train/adamw.h"

namespace sa3 {
namespace {

std::vector<at::Tensor> grads_for_step(int step) {
  auto gen = at::detail::createCPUGenerator(100 + step);
  return {at::randn({4, 3}, gen), at::randn({5}, gen)};
}

std::vector<at::Tensor> fresh_params() {
  auto gen = at::detail::createCPUGenerator(1);
  return {at::randn({4, 3}, gen).requires_grad_(), at::randn({5}, gen).requires_grad_()};
}

void set_grads(std::vector<at::Tensor>& params, int step) {
  const auto g = grads_for_step(step);
  for (size_t i = 0; i < params.size(); ++i) params[i].mutable_grad() = g[i].clone();
}

TEST(AdamW, TenSteps_MatchTorchAdamW) {
  auto ours = fresh_params();
  auto theirs = fresh_params();
  AdamW opt(ours, {.lr = 1e-2});
  torch::optim::AdamW ref(theirs, torch::optim::AdamWOptions(1e-2).betas({0.9, 0.95}).weight_decay(0.01).eps(1e-8));
  for (int s = 0; s < 10; ++s) {
    set_grads(ours, s);
    set_grads(theirs, s);
    opt.step();
    ref.step();
  }
  for (size_t i = 0; i < ours.size(); ++i) {
    EXPECT_LE((ours[i] - theirs[i]).abs().max().item<double>(), 1e-6);
    EXPECT_GT((ours[i] - fresh_params()[i]).abs().max().item<double>(), 1e-3);
  }
  EXPECT_EQ(opt.step_count(), 10);
}

TEST(AdamW, RestoredState_ContinuesExactly) {
  auto a = fresh_params();
  AdamW opt_a(a, {});
  for (int s = 0; s < 3; ++s) {
    set_grads(a, s);
    opt_a.step();
  }
  std::vector<at::Tensor> b;
  for (const auto& p : a) b.push_back(p.detach().clone().requires_grad_());
  AdamW opt_b(b, {});
  std::vector<at::Tensor> moments;
  for (const auto& m : opt_a.state()) moments.push_back(m.clone());
  opt_b.load_state(moments, opt_a.step_count());
  for (int s = 3; s < 6; ++s) {
    set_grads(a, s);
    set_grads(b, s);
    opt_a.step();
    opt_b.step();
  }
  for (size_t i = 0; i < a.size(); ++i) EXPECT_TRUE(at::equal(a[i], b[i]));
}

TEST(AdamW, StateOfWrongShape_IsRejected) {
  auto a = fresh_params();
  AdamW opt(a, {});
  EXPECT_THROW(opt.load_state({at::zeros({4, 3})}, 1), Error);
  EXPECT_THROW(opt.load_state({at::zeros({4, 3}), at::zeros({4, 3}), at::zeros({6}), at::zeros({5})}, 1), Error);
}

}  // namespace
}  // namespace sa3
