// SPDX-License-Identifier: GPL-3.0-or-later
// WeightAdapter: what an adapted Linear/Conv1d calls instead of F.linear (the LoRA hook).
//
// Upstream puts a torch parametrization on `.weight` and recomputes W_eff = f(W0) on every
// forward (stable_audio_3/models/lora/model.py: LoRAParametrization). We hook the layer's
// forward instead, so an adapter may compute x·W_effᵀ without materialising W_eff
// (spec/performance.md: the DoRA row norms follow from W0·Aᵀ and B).
// Ownership: layers hold a shared_ptr; the LoraNetwork that created the adapter owns its
// parameters. Threading: as for any torch module (one forward at a time).
#pragma once

#include <ATen/core/Tensor.h>

namespace sa3 {

class WeightAdapter {
 public:
  virtual ~WeightAdapter() = default;

  // x [..., in] → [..., out] = x·W_effᵀ + bias, where W_eff = f(weight) and weight is the
  // frozen base [out, in] (a k=1 conv weight viewed as 2-D). bias may be undefined.
  virtual at::Tensor linear(const at::Tensor& x, const at::Tensor& weight,
                            const at::Tensor& bias) const = 0;
};

}  // namespace sa3
