// SPDX-License-Identifier: GPL-3.0-or-later
// seconds_total embedding and conditioning assembly.
#include "model/conditioners.h"

#include <ATen/ATen.h>

#include <nlohmann/json.hpp>

#include "model/blocks.h"
#include "sa3/error.h"

namespace sa3 {

NumberConditionerOptions NumberConditionerOptions::from_json(const nlohmann::json& config,
                                                             std::int64_t output_dim,
                                                             const std::string& where) {
  NumberConditionerOptions o;
  o.output_dim = output_dim;
  if (!config.is_object()) throw_invalid(where + ": the number conditioner config is not an object");
  for (const char* key : {"min_val", "max_val"}) {
    if (!config.contains(key)) continue;
    if (!config[key].is_number()) throw_invalid(where + ": '" + key + "' must be a number");
  }
  o.min_val = config.value("min_val", 0.0);
  o.max_val = config.value("max_val", 1.0);
  if (!(o.max_val > o.min_val))
    throw_invalid(where + ": 'max_val' must be greater than 'min_val'");
  if (config.value("fourier_features_type", std::string("learned")) != "expo")
    throw_invalid(where + ": 'fourier_features_type' must be \"expo\" (the SA3 checkpoints' type)");
  return o;
}

NumberEmbedderImpl::NumberEmbedderImpl(std::int64_t fourier_dim, std::int64_t features)
    : fourier_dim_(fourier_dim) {
  auto embedding = register_module("embedding", std::make_shared<torch::nn::Module>());
  linear = embedding->register_module("1", AdaptableLinear(fourier_dim, features));
}

at::Tensor NumberEmbedderImpl::forward(const at::Tensor& x) {
  return linear(expo_fourier_features(x.reshape({-1}), fourier_dim_));
}

NumberConditionerImpl::NumberConditionerImpl(const NumberConditionerOptions& options) : options_(options) {
  embedder = register_module("embedder", NumberEmbedder(options.fourier_dim, options.output_dim));
}

at::Tensor NumberConditionerImpl::normalize(const at::Tensor& seconds) const {
  const at::Tensor s = seconds.to(at::kFloat).clamp(options_.min_val, options_.max_val);
  return (s - options_.min_val) / (options_.max_val - options_.min_val);
}

// conditioners.py: NumberConditioner.forward.
NumberConditioning NumberConditionerImpl::forward(const at::Tensor& seconds) {
  const auto dtype = embedder->linear->weight.scalar_type();
  const at::Tensor normalized = normalize(seconds).to(embedder->linear->weight.device()).to(dtype);
  const at::Tensor embedding = embedder(normalized).unsqueeze(1);
  return {embedding, at::ones({embedding.size(0), 1}, embedding.options().dtype(at::kFloat))};
}

DiTConditioning assemble_conditioning(const at::Tensor& prompt, const at::Tensor& seconds,
                                      const at::Tensor& inpaint_mask, const at::Tensor& masked_latent,
                                      std::int64_t latent_channels, std::int64_t latent_length,
                                      const at::Tensor& padding_mask) {
  if (inpaint_mask.defined() != masked_latent.defined())
    throw_internal("assemble_conditioning: inpaint_mask and masked_latent go together");
  DiTConditioning c;
  c.cross = at::cat({prompt, seconds.to(prompt.scalar_type())}, 1);
  c.global = seconds.squeeze(1);
  c.local = inpaint_mask.defined()
                ? at::cat({inpaint_mask.to(masked_latent.scalar_type()), masked_latent}, 1)
                : at::zeros({prompt.size(0), 1 + latent_channels, latent_length}, prompt.options());
  c.padding_mask = padding_mask;
  return c;
}

}  // namespace sa3
