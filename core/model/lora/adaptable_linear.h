// SPDX-License-Identifier: GPL-3.0-or-later
// AdaptableLinear: torch::nn::Linear that routes its forward through an attached WeightAdapter.
//
// Same options, parameters and state-dict keys (`weight`, `bias`) as torch::nn::Linear, so model
// code declares every LoRA-targetable Linear with this type (spec §6.2) and checkpoints load
// unchanged. Without an adapter it is exactly a Linear. Header-only so the model library needs
// no link dependency on the LoRA code.
#pragma once

#include <memory>
#include <utility>

#include <torch/nn/functional/linear.h>
#include <torch/nn/modules/linear.h>

#include "model/lora/weight_adapter.h"

namespace sa3 {

class AdaptableLinearImpl : public torch::nn::LinearImpl {
 public:
  using torch::nn::LinearImpl::LinearImpl;

  // x [..., in] → [..., out].
  torch::Tensor forward(const torch::Tensor& x) {
    if (adapter_) return adapter_->linear(x, weight, bias);
    return torch::nn::functional::linear(x, weight, bias);
  }

  void set_adapter(std::shared_ptr<const WeightAdapter> adapter) { adapter_ = std::move(adapter); }
  const std::shared_ptr<const WeightAdapter>& adapter() const { return adapter_; }

 private:
  std::shared_ptr<const WeightAdapter> adapter_;
};
TORCH_MODULE(AdaptableLinear);

}  // namespace sa3
