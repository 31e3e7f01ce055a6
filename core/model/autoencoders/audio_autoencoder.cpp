// SPDX-License-Identifier: GPL-3.0-or-later
// AudioAutoencoder: options, encode/decode and the chunked long-audio paths.
#include "model/autoencoders/audio_autoencoder.h"

#include <ATen/ops/constant_pad_nd.h>
#include <ATen/ops/tanh.h>
#include <ATen/ops/zeros.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "sa3/error.h"
#include "sa3/job_control.h"

namespace sa3 {
namespace {

const nlohmann::json& typed_config(const nlohmann::json& config, const char* key, const char* type) {
  auto it = config.find(key);
  if (it == config.end() || !it->is_object() || !it->contains("config")) {
    throw_invalid(std::string("autoencoder config: missing '") + key + "' object with a 'config'");
  }
  const std::string got = it->value("type", std::string(type));
  if (got != type) {
    throw_invalid(std::string("autoencoder config: '") + key + ".type' is '" + got + "' (expected '" + type + "')");
  }
  return it->at("config");
}

// Start of each window (in units) for upstream's chunking: hop chunk-overlap, last anchored.
std::vector<int64_t> chunk_starts(int64_t total, int64_t chunk, int64_t hop) {
  std::vector<int64_t> starts;
  for (int64_t s = 0; s <= total - chunk; s += hop) starts.push_back(s);
  if (starts.back() != total - chunk) starts.push_back(total - chunk);
  return starts;
}

void check_chunking(int64_t overlap, int64_t chunk_size) {
  if (chunk_size <= 0 || overlap < 0 || overlap >= chunk_size) {
    throw_invalid("chunked autoencoding: need 0 <= overlap < chunk_size (got overlap " + std::to_string(overlap) +
                  ", chunk_size " + std::to_string(chunk_size) + ")");
  }
}

}  // namespace

AudioAutoencoderOptions AudioAutoencoderOptions::from_json(const nlohmann::json& config) {
  if (!config.is_object()) throw_invalid("autoencoder config: expected a JSON object");
  // A full SA3 model config nests the autoencoder under pretransform.config.
  if (!config.contains("encoder") && config.contains("pretransform") && config["pretransform"].is_object() &&
      config["pretransform"].contains("config") && config["pretransform"]["config"].contains("encoder")) {
    return from_json(config["pretransform"]["config"]);
  }
  AudioAutoencoderOptions o;
  o.encoder = SAMEOptions::from_json(typed_config(config, "encoder", "same"), false);
  o.decoder = SAMEOptions::from_json(typed_config(config, "decoder", "same"), true);
  o.bottleneck = SoftNormBottleneckOptions::from_json(typed_config(config, "bottleneck", "softnorm"));
  const PatchedPretransform patches = PatchedPretransform::from_json(typed_config(config, "pretransform", "patched"));
  o.patch_channels = patches.channels();
  o.patch_size = patches.patch_size();
  try {
    o.latent_dim = config.value("latent_dim", o.encoder.latent_dim);
    o.downsampling_ratio = config.value("downsampling_ratio", o.downsampling_ratio);
    o.io_channels = config.value("io_channels", o.io_channels);
    o.sample_rate = config.value("sample_rate", o.sample_rate);
    o.soft_clip = config["decoder"].value("soft_clip", false);
  } catch (const nlohmann::json::exception& e) {
    throw_invalid(std::string("autoencoder config: a field has the wrong type (") + e.what() + ")");
  }
  if (o.encoder.latent_dim != o.latent_dim || o.decoder.latent_dim != o.latent_dim || o.bottleneck.dim != o.latent_dim) {
    throw_invalid("autoencoder config: 'latent_dim' " + std::to_string(o.latent_dim) +
                  " disagrees with encoder/decoder latent_dim or bottleneck dim");
  }
  int64_t ratio = o.patch_size;
  for (int64_t s : o.encoder.strides) ratio *= s;
  if (ratio != o.downsampling_ratio) {
    throw_invalid("autoencoder config: 'downsampling_ratio' " + std::to_string(o.downsampling_ratio) +
                  " is not patch_size x strides = " + std::to_string(ratio));
  }
  if (o.encoder.io_channels != o.patch_channels * o.patch_size || o.decoder.io_channels != o.encoder.io_channels) {
    throw_invalid("autoencoder config: encoder 'in_channels' / decoder 'out_channels' must equal "
                  "pretransform channels x patch_size = " + std::to_string(o.patch_channels * o.patch_size));
  }
  return o;
}

AudioAutoencoderImpl::AudioAutoencoderImpl(const AudioAutoencoderOptions& o)
    : options_(o), pretransform_(o.patch_channels, o.patch_size) {
  encoder = register_module("encoder", SAMEEncoder(o.encoder));
  decoder = register_module("decoder", SAMEDecoder(o.decoder));
  bottleneck = register_module("bottleneck", SoftNormBottleneck(o.bottleneck));
}

at::Tensor AudioAutoencoderImpl::encode(const at::Tensor& audio) {
  const at::Tensor x = audio.to(bottleneck->scaling_factor.options());
  return bottleneck->encode(encoder(pretransform_.encode(x)));
}

at::Tensor AudioAutoencoderImpl::decode(const at::Tensor& latents) {
  if (latents.dim() != 3 || latents.size(1) != options_.latent_dim) {
    throw_invalid("AudioAutoencoder.decode: expected latents [B, " + std::to_string(options_.latent_dim) + ", T]");
  }
  const at::Tensor z = latents.to(bottleneck->scaling_factor.options());
  at::Tensor audio = pretransform_.decode(decoder(bottleneck->decode(z)));
  return options_.soft_clip ? at::tanh(audio) : audio;
}

at::Tensor AudioAutoencoderImpl::encode_audio(const at::Tensor& input, bool chunked, int64_t overlap,
                                              int64_t chunk_size, JobControl* job) {
  const int64_t ratio = options_.downsampling_ratio;
  const int64_t pad = (ratio - input.size(-1) % ratio) % ratio;
  const at::Tensor audio = pad > 0 ? at::constant_pad_nd(input, {0, pad}) : input;
  if (!chunked || audio.size(-1) < chunk_size * ratio) return encode(audio);
  check_chunking(overlap, chunk_size);
  const int64_t total = audio.size(-1) / ratio;
  const std::vector<int64_t> starts = chunk_starts(total, chunk_size, chunk_size - overlap);
  const int64_t half = overlap / 2;
  at::Tensor out;
  for (size_t i = 0; i < starts.size(); ++i) {
    if (job) job->check_cancelled();
    const at::Tensor z = encode(audio.narrow(-1, starts[i] * ratio, chunk_size * ratio));
    if (!out.defined()) out = at::zeros({z.size(0), z.size(1), total}, z.options());
    const bool last = i + 1 == starts.size();
    const int64_t left = i == 0 ? 0 : half;
    const int64_t right = last ? chunk_size : chunk_size - half;
    const int64_t dest = last ? total - chunk_size : starts[i];
    out.narrow(-1, dest + left, right - left).copy_(z.narrow(-1, left, right - left));
    if (job) job->progress(double(i + 1), double(starts.size()), "encoding audio");
  }
  return out;
}

at::Tensor AudioAutoencoderImpl::decode_audio(const at::Tensor& latents, bool chunked, int64_t overlap,
                                              int64_t chunk_size, JobControl* job) {
  if (!chunked || latents.size(-1) < chunk_size) return decode(latents);
  check_chunking(overlap, chunk_size);
  const int64_t ratio = options_.downsampling_ratio;
  const int64_t total = latents.size(-1);
  const std::vector<int64_t> starts = chunk_starts(total, chunk_size, chunk_size - overlap);
  const int64_t half = (overlap / 2) * ratio;
  const int64_t chunk_samples = chunk_size * ratio;
  at::Tensor out;
  for (size_t i = 0; i < starts.size(); ++i) {
    if (job) job->check_cancelled();
    const at::Tensor audio = decode(latents.narrow(-1, starts[i], chunk_size));
    if (!out.defined()) out = at::zeros({audio.size(0), audio.size(1), total * ratio}, audio.options());
    const bool last = i + 1 == starts.size();
    const int64_t left = i == 0 ? 0 : half;
    const int64_t right = last ? chunk_samples : chunk_samples - half;
    const int64_t dest = last ? (total - chunk_size) * ratio : starts[i] * ratio;
    out.narrow(-1, dest + left, right - left).copy_(audio.narrow(-1, left, right - left));
    if (job) job->progress(double(i + 1), double(starts.size()), "decoding audio");
  }
  return out;
}

}  // namespace sa3
