// SPDX-License-Identifier: GPL-3.0-or-later
// SoftNormBottleneck: the affine + running-std normalisation between SAME and the latents.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace sa3 {

// The `bottleneck.config` object of a SAME config (type "softnorm").
struct SoftNormBottleneckOptions {
  int64_t dim = 32;                // latent channels
  int64_t noise_augment_dim = 0;   // must be 0: no released checkpoint uses noise augmentation
  bool noise_regularize = false;   // decode adds randn * running_std * 1e-3 (real models: true)
  bool auto_scale = false;         // has the `running_std` parameter (real models: true)

  // Throws sa3::Error(InvalidInput) naming the field on a wrong type or unsupported value.
  static SoftNormBottleneckOptions from_json(const nlohmann::json& config);
};

// stable_audio_3/models/bottleneck.py: SoftNormBottleneck, in eval mode (running_std frozen).
class SoftNormBottleneckImpl : public torch::nn::Module {
 public:
  explicit SoftNormBottleneckImpl(const SoftNormBottleneckOptions& options);

  // SoftNormBottleneck.encode: (x * scaling_factor + bias) / running_std. x: [B, dim, T].
  at::Tensor encode(const at::Tensor& x);
  // SoftNormBottleneck.decode: x * running_std (+ noise when noise_regularize). x: [B, dim, T].
  // scaling_factor and bias are not inverted: the decoder learnt to undo them.
  at::Tensor decode(const at::Tensor& x);

  at::Tensor scaling_factor;        // [1, dim, 1]
  at::Tensor bias;                  // [1, dim, 1]
  at::Tensor noise_scaling_factor;  // [1, noise_augment_dim, 1] (empty in real checkpoints)
  at::Tensor running_std;           // [1], only with auto_scale

 private:
  SoftNormBottleneckOptions options_;
};
TORCH_MODULE(SoftNormBottleneck);

}  // namespace sa3
