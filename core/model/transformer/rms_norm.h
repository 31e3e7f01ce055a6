// SPDX-License-Identifier: GPL-3.0-or-later
// RMSNorm (stable_audio_3/models/transformer.py: RMSNorm): x·rsqrt(mean(x²)+eps)·gamma over the
// last dim, no bias. Parameter `gamma`.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace sa3 {

class RMSNormImpl : public torch::nn::Module {
 public:
  // force_fp32: normalise in fp32 and cast back (block norms); QK norms run in the
  // activation dtype as upstream's do.
  RMSNormImpl(std::int64_t dim, double eps, bool force_fp32);

  at::Tensor forward(const at::Tensor& x);

  at::Tensor gamma;

 private:
  double eps_;
  bool force_fp32_;
};
TORCH_MODULE(RMSNorm);

}  // namespace sa3
