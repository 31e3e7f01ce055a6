// SPDX-License-Identifier: GPL-3.0-or-later
// LoraAdapter: the trainable tensors of one adapted weight and the maths of spec §6.4.
//
// Port of stable_audio_3/models/lora/model.py: LoRAParametrization (forward, init, -xs bases).
// Deliberate deviation: instead of materialising W_eff on every forward, linear() computes
// x·W_effᵀ from x·W0ᵀ and the low-rank factors, and the DoRA row/column norms of
// V = W0 + s·B·A from the cached ‖W0‖² plus W0·Aᵀ and B (spec/performance.md); BoRA, whose
// column norms depend on the row-normalised V, materialises W_eff like upstream.
// effective_weight() is the literal formula, used by parity tests and merging.
//
// Ownership: created by LoraNetwork, which attaches it to an AdaptableLinear/AdaptableConv1d.
// The base weight passed at construction must be the final frozen weight (its norms are cached).
// Tensors: every trainable tensor is fp32; U and V are fp32 holding values rounded to the base
// dtype, as upstream's bf16/fp16 buffers do.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Generator.h>
#include <torch/nn/module.h>

#include "model/lora/adapter_type.h"
#include "model/lora/weight_adapter.h"

namespace sa3 {

struct LoraAdapterOptions {
  AdapterType type = AdapterType::DoraRows;
  int64_t rank = 16;
  double alpha = 16.0;  // scale s = alpha / rank · strength
};

class LoraAdapterImpl : public torch::nn::Module, public WeightAdapter {
 public:
  static constexpr double kNormEpsilon = 1e-12;

  // Initialises as upstream: A ~ U(−1/√in, 1/√in) drawn from `generator`, B = 0, M = 0,
  // magnitudes = row/column norms of base_weight, -xs bases by canonical SVD. Values are rounded
  // through base_weight's dtype when it is bf16/fp16 (upstream casts the adapted model to the
  // base precision and back). `module` names the adapted layer in errors.
  LoraAdapterImpl(const LoraAdapterOptions& options, const at::Tensor& base_weight_2d,
                  at::Generator generator, std::string module);

  // x [..., in] (any float dtype) → [..., out] in x's dtype.
  at::Tensor linear(const at::Tensor& x, const at::Tensor& weight,
                    const at::Tensor& bias) const override;

  // W_eff = f(weight) for weight [out, in]; computed in fp64 when weight is fp64, else fp32.
  at::Tensor effective_weight(const at::Tensor& weight) const;

  // The tensors of the LoRA file, in upstream's names: lora_A, lora_B, M_xs, magnitude,
  // magnitude_r, magnitude_c, then (for -xs) U and V.
  std::vector<std::pair<std::string, at::Tensor>> named_tensors() const;
  // Copies `value` into the tensor called `kind`; throws InvalidInput naming `key` on an unknown
  // kind or a shape mismatch. Legacy 2-D magnitudes (1,in)/(out,1) are squeezed.
  void load_tensor(const std::string& kind, const at::Tensor& value, const std::string& key);

  const LoraAdapterOptions& options() const { return options_; }
  const std::string& module_name() const { return module_; }
  double scale() const { return options_.alpha / static_cast<double>(options_.rank) * strength_; }
  void set_strength(double strength) { strength_ = strength; }

 private:
  // The low-rank factors in the compute dtype: B_eff [out, r], A_eff [r, in].
  std::pair<at::Tensor, at::Tensor> factors() const;
  at::Tensor row_scale(const at::Tensor& weight, const at::Tensor& b, const at::Tensor& a,
                       double s) const;
  at::Tensor col_scale(const at::Tensor& weight, const at::Tensor& b, const at::Tensor& a,
                       double s) const;

  LoraAdapterOptions options_;
  std::string module_;
  double strength_ = 1.0;
  at::Tensor lora_A_, lora_B_, M_xs_, magnitude_, magnitude_r_, magnitude_c_, U_, V_;
  at::Tensor base_row_sq_;  // ‖W0[o,:]‖² in fp32, cached (W0 is frozen)
  at::Tensor base_col_sq_;  // ‖W0[:,i]‖²
};
TORCH_MODULE(LoraAdapter);

}  // namespace sa3
