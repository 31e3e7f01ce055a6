// SPDX-License-Identifier: GPL-3.0-or-later
// The seconds_total NumberConditioner and the DiT conditioning assembly
// (stable_audio_3/models/conditioners.py: NumberEmbedder, NumberConditioner; spec §4).
// Keys under `conditioner.conditioners.seconds_total.`: `embedder.embedding.1.{weight,bias}`
// ([output_dim, 256], [output_dim]); `embedding.0` is the parameter-free Expo-Fourier map.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <nlohmann/json_fwd.hpp>

#include "model/dit_conditioning.h"
#include "model/lora/adaptable_linear.h"

namespace sa3 {

struct NumberConditionerOptions {
  std::int64_t output_dim = 768;      // conditioning.cond_dim
  double min_val = 0;                 // config.min_val
  double max_val = 384;               // config.max_val
  std::int64_t fourier_dim = 256;     // NumberEmbedder's dim (upstream default)

  // `config` is the conditioner's "config" object; fourier_features_type must be "expo".
  static NumberConditionerOptions from_json(const nlohmann::json& config, std::int64_t output_dim,
                                            const std::string& where);
};

class NumberEmbedderImpl : public torch::nn::Module {
 public:
  NumberEmbedderImpl(std::int64_t fourier_dim, std::int64_t features);
  // [N] normalised values -> [N, features]
  at::Tensor forward(const at::Tensor& x);

  AdaptableLinear linear{nullptr};  // key "embedding.1"

 private:
  std::int64_t fourier_dim_;
};
TORCH_MODULE(NumberEmbedder);

struct NumberConditioning {
  at::Tensor embedding;  // [N, 1, output_dim]
  at::Tensor mask;       // [N, 1] ones
};

class NumberConditionerImpl : public torch::nn::Module {
 public:
  explicit NumberConditionerImpl(const NumberConditionerOptions& options);

  // seconds [N] (any dtype; rounded to fp32 as upstream's torch.tensor(list of floats)).
  NumberConditioning forward(const at::Tensor& seconds);
  // (clamp(s, min, max) − min) / (max − min) in fp32 (the reference's `normalized_floats`).
  at::Tensor normalize(const at::Tensor& seconds) const;

  NumberEmbedder embedder{nullptr};

 private:
  NumberConditionerOptions options_;
};
TORCH_MODULE(NumberConditioner);

// The DiT inputs from the encoded prompt and duration (spec §4; dit.py conditioning ids
// cross = [prompt ; seconds_total], global = seconds_total, local = [inpaint_mask ;
// inpaint_masked_input]):
//   prompt [B, Lp, D] (padding embedding already substituted), seconds [B, 1, D];
//   inpaint_mask [B, 1, T] and masked_latent [B, C, T], or both undefined for plain
//   text-to-audio (then local is zeros of [B, 1 + latent_channels, T]).
DiTConditioning assemble_conditioning(const at::Tensor& prompt, const at::Tensor& seconds,
                                      const at::Tensor& inpaint_mask, const at::Tensor& masked_latent,
                                      std::int64_t latent_channels, std::int64_t latent_length,
                                      const at::Tensor& padding_mask);

}  // namespace sa3
