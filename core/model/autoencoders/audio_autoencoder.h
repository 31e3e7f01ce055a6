// SPDX-License-Identifier: GPL-3.0-or-later
// AudioAutoencoder: SAME encoder + SoftNorm bottleneck + decoder around a patch pretransform.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/autoencoders/same_decoder.h"
#include "model/autoencoders/same_encoder.h"
#include "model/bottleneck.h"
#include "model/pretransforms/patched_pretransform.h"

namespace sa3 {

class JobControl;

// The autoencoder config object: a SAME-S/SAME-L `model_config.json` "model" object, or
// `model.pretransform.config` of a full SA3 config (factory.py: create_autoencoder_from_config).
struct AudioAutoencoderOptions {
  SAMEOptions encoder;                   // "encoder": {"type": "same", "config": {...}}
  SAMEOptions decoder;                   // "decoder": {"type": "same", "config": {...}}
  SoftNormBottleneckOptions bottleneck;  // "bottleneck": {"type": "softnorm", "config": {...}}
  int64_t patch_channels = 2;            // "pretransform": {"type": "patched", "config": {"channels"}}
  int64_t patch_size = 256;              // ... {"patch_size"}
  int64_t latent_dim = 256;              // "latent_dim"
  int64_t downsampling_ratio = 4096;     // "downsampling_ratio": samples per latent
  int64_t io_channels = 2;               // "io_channels"
  int64_t sample_rate = 44100;           // "sample_rate" (read when present)
  bool soft_clip = false;                // "decoder.soft_clip": tanh on the decoded audio

  // Throws sa3::Error(InvalidInput) naming the key on a missing/ill-typed field or a type
  // other than same/softnorm/patched.
  static AudioAutoencoderOptions from_json(const nlohmann::json& config);
};

// stable_audio_3/models/autoencoders.py: AudioAutoencoder (inference paths). Registered
// children: encoder, decoder, bottleneck; the patch pretransform holds no parameters.
// Not thread-safe; one forward at a time. Tensors follow the module's device and dtype.
class AudioAutoencoderImpl : public torch::nn::Module {
 public:
  explicit AudioAutoencoderImpl(const AudioAutoencoderOptions& options);

  // AudioAutoencoder.encode: audio [B, io_channels, N] -> latents [B, latent_dim, T] with
  // T = ceil(N / downsampling_ratio) (SAME-S: rounded up to even).
  at::Tensor encode(const at::Tensor& audio);
  // AudioAutoencoder.decode: latents [B, latent_dim, T] -> audio [B, io_channels, T' * ratio]
  // (no clamp; SAME-S decodes an odd T as T+1 latents, as upstream).
  at::Tensor decode(const at::Tensor& latents);

  // AudioAutoencoder.encode_audio / decode_audio: with `chunked`, windows of chunk_size
  // latents stepping by chunk_size - overlap (the last one anchored at the end) are coded
  // independently and half the overlap is dropped at inner edges, bounding memory for long
  // audio. Audio is zero-padded to a multiple of downsampling_ratio first. `job` (optional)
  // gets progress per window and is checked for cancellation between windows.
  at::Tensor encode_audio(const at::Tensor& audio, bool chunked, int64_t overlap = 32, int64_t chunk_size = 128,
                          JobControl* job = nullptr);
  at::Tensor decode_audio(const at::Tensor& latents, bool chunked, int64_t overlap = 32, int64_t chunk_size = 128,
                          JobControl* job = nullptr);

  const AudioAutoencoderOptions& options() const { return options_; }
  const PatchedPretransform& pretransform() const { return pretransform_; }

  SAMEEncoder encoder{nullptr};
  SAMEDecoder decoder{nullptr};
  SoftNormBottleneck bottleneck{nullptr};

 private:
  AudioAutoencoderOptions options_;
  PatchedPretransform pretransform_;
};
TORCH_MODULE(AudioAutoencoder);

}  // namespace sa3
