// SPDX-License-Identifier: GPL-3.0-or-later
// A reentrant gradient-checkpoint node for LibTorch.
#include "train/gradient_checkpoint.h"

#include <memory>

#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/function.h>
#include <torch/csrc/autograd/functions/utils.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <torch/csrc/autograd/saved_variable.h>

namespace sa3 {
namespace {

using torch::autograd::variable_list;

struct CheckpointBackward : public torch::autograd::Node {
  CheckpointedBlock block;
  std::vector<torch::autograd::SavedVariable> saved;
  std::vector<bool> needs_grad;

  std::string name() const override { return "sa3::CheckpointBackward"; }

  variable_list apply(variable_list&& grads) override {
    std::vector<at::Tensor> inputs;
    inputs.reserve(saved.size());
    for (size_t i = 0; i < saved.size(); ++i) {
      auto t = saved[i].unpack();
      if (t.defined()) {
        t = t.detach();
        if (needs_grad[i]) t.requires_grad_(true);
      }
      inputs.push_back(t);
    }
    at::Tensor out;
    {
      torch::autograd::AutoGradMode with_grad(true);
      out = block(inputs);
    }
    variable_list result(saved.size());
    if (!out.requires_grad() || !grads[0].defined()) return result;
    torch::autograd::backward({out}, {grads[0]});
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (inputs[i].defined() && needs_grad[i]) result[i] = inputs[i].grad();
    }
    return result;
  }

  void release_variables() override {
    for (auto& s : saved) s.reset_data();
    block = nullptr;
  }
};

}  // namespace

at::Tensor checkpoint(const CheckpointedBlock& block, const std::vector<at::Tensor>& inputs) {
  if (!torch::autograd::GradMode::is_enabled()) return block(inputs);
  at::Tensor out;
  {
    torch::autograd::AutoGradMode no_grad(false);
    out = block(inputs);
  }
  auto node = std::shared_ptr<CheckpointBackward>(new CheckpointBackward(), torch::autograd::deleteNode);
  node->block = block;
  node->set_next_edges(torch::autograd::collect_next_edges(inputs));
  for (const auto& t : inputs) {
    node->saved.emplace_back(t, /*is_output=*/false);
    node->needs_grad.push_back(t.defined() && t.requires_grad());
  }
  torch::autograd::set_history(out, node);
  return out;
}

}  // namespace sa3
