// SPDX-License-Identifier: GPL-3.0-or-later
// AutoencoderPretransform: the SA3 model's wrapper around its SAME autoencoder.
#pragma once

#include <optional>

#include <nlohmann/json_fwd.hpp>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/autoencoders/audio_autoencoder.h"

namespace sa3 {

class JobControl;

// The `model.pretransform` object of an SA3 model_config.json (factory.py:
// create_pretransform_from_config): {"type": "autoencoder", "config": {...}, "chunked": bool}.
struct AutoencoderPretransformOptions {
  AudioAutoencoderOptions model;  // "config"
  bool chunked = false;           // "chunked": code long audio in overlapping windows
  int64_t chunk_size = 128;       // latents per window (encode_audio/decode_audio defaults)
  int64_t overlap = 32;           // latents shared by neighbouring windows

  // Throws sa3::Error(InvalidInput) naming the field.
  static AutoencoderPretransformOptions from_json(const nlohmann::json& config);
};

// stable_audio_3/models/pretransforms.py: AutoencoderPretransform (scale 1, as the factory
// builds it). Registers `model`, so the full checkpoint's keys read pretransform.model.*.
class AutoencoderPretransformImpl : public torch::nn::Module {
 public:
  explicit AutoencoderPretransformImpl(const AutoencoderPretransformOptions& options);

  // audio [B, io_channels, N] at the model's rate -> latents [B, latent_dim, ceil(N / ratio)].
  at::Tensor encode(const at::Tensor& audio, JobControl* job = nullptr);
  // latents [B, latent_dim, T] -> audio [B, io_channels, T * ratio]; `chunked` overrides the option.
  at::Tensor decode(const at::Tensor& latents, std::optional<bool> chunked = std::nullopt, JobControl* job = nullptr);

  AudioAutoencoder model{nullptr};

 private:
  AutoencoderPretransformOptions options_;
};
TORCH_MODULE(AutoencoderPretransform);

}  // namespace sa3
