// SPDX-License-Identifier: GPL-3.0-or-later
// AdamW (torch/optim/adamw.py, single-tensor path): decoupled decay, bias-corrected moments.
#include "train/adamw.h"

#include <cmath>
#include <string>

#include <ATen/ATen.h>

#include "sa3/error.h"

namespace sa3 {

AdamW::AdamW(std::vector<at::Tensor> parameters, AdamWOptions options)
    : params_(std::move(parameters)), options_(options) {
  for (const auto& p : params_) {
    exp_avg_.push_back(at::zeros_like(p, at::MemoryFormat::Contiguous));
    exp_avg_sq_.push_back(at::zeros_like(p, at::MemoryFormat::Contiguous));
  }
}

void AdamW::step() {
  at::NoGradGuard no_grad;
  ++step_;
  const double bias1 = 1.0 - std::pow(options_.beta1, static_cast<double>(step_));
  const double bias2 = 1.0 - std::pow(options_.beta2, static_cast<double>(step_));
  const double step_size = options_.lr / bias1;
  const double bias2_sqrt = std::sqrt(bias2);
  for (size_t i = 0; i < params_.size(); ++i) {
    auto& p = params_[i];
    const auto& g = p.grad();
    if (!g.defined()) continue;
    p.mul_(1.0 - options_.lr * options_.weight_decay);
    exp_avg_[i].lerp_(g, 1.0 - options_.beta1);
    exp_avg_sq_[i].mul_(options_.beta2).addcmul_(g, g, 1.0 - options_.beta2);
    const auto denom = (exp_avg_sq_[i].sqrt() / bias2_sqrt).add_(options_.eps);
    p.addcdiv_(exp_avg_[i], denom, -step_size);
  }
}

void AdamW::zero_grad() {
  for (auto& p : params_) {
    if (p.grad().defined()) p.mutable_grad().reset();
  }
}

std::vector<at::Tensor> AdamW::state() const {
  std::vector<at::Tensor> out;
  for (size_t i = 0; i < params_.size(); ++i) {
    out.push_back(exp_avg_[i]);
    out.push_back(exp_avg_sq_[i]);
  }
  return out;
}

void AdamW::load_state(const std::vector<at::Tensor>& moments, int64_t step) {
  if (moments.size() != 2 * params_.size()) {
    throw_invalid("optimizer state: " + std::to_string(moments.size()) + " moment tensors for " +
                  std::to_string(params_.size()) + " parameters (expected twice as many)");
  }
  at::NoGradGuard no_grad;
  for (size_t i = 0; i < params_.size(); ++i) {
    for (int k = 0; k < 2; ++k) {
      auto& slot = k == 0 ? exp_avg_[i] : exp_avg_sq_[i];
      const auto& value = moments[2 * i + k];
      if (value.sizes() != slot.sizes()) {
        throw_invalid("optimizer state: moment " + std::to_string(2 * i + k) + " has the wrong shape");
      }
      slot.copy_(value);
    }
  }
  step_ = step;
}

}  // namespace sa3
