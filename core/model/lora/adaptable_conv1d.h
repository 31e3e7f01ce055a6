// SPDX-License-Identifier: GPL-3.0-or-later
// AdaptableConv1d: torch::nn::Conv1d that routes its forward through an attached WeightAdapter.
//
// Upstream adapts Conv1d weights viewed as 2-D [out, in·k]; every SA3 conv it adapts has k=1
// (preprocess_conv, postprocess_conv), so with an adapter the conv is a per-frame linear map over
// channels. Same options and state-dict keys as torch::nn::Conv1d. Header-only (see
// adaptable_linear.h).
#pragma once

#include <memory>
#include <utility>

#include <torch/nn/modules/conv.h>

#include "model/lora/weight_adapter.h"

namespace sa3 {

class AdaptableConv1dImpl : public torch::nn::Conv1dImpl {
 public:
  using torch::nn::Conv1dImpl::Conv1dImpl;

  // x [B, in, T] → [B, out, T] (k=1 when an adapter is attached; attach_lora checks it).
  torch::Tensor forward(const torch::Tensor& x) {
    if (!adapter_) return torch::nn::Conv1dImpl::forward(x);
    const auto w2d = weight.view({weight.size(0), -1});
    return adapter_->linear(x.transpose(1, 2), w2d, bias).transpose(1, 2);
  }

  void set_adapter(std::shared_ptr<const WeightAdapter> adapter) { adapter_ = std::move(adapter); }
  const std::shared_ptr<const WeightAdapter>& adapter() const { return adapter_; }

 private:
  std::shared_ptr<const WeightAdapter> adapter_;
};
TORCH_MODULE(AdaptableConv1d);

}  // namespace sa3
