// SPDX-License-Identifier: GPL-3.0-or-later
// AutoencoderPretransform: options and encode/decode through the autoencoder's chunked paths.
#include "model/pretransforms/autoencoder_pretransform.h"

#include <nlohmann/json.hpp>

#include "sa3/error.h"

namespace sa3 {

AutoencoderPretransformOptions AutoencoderPretransformOptions::from_json(const nlohmann::json& config) {
  if (!config.is_object() || !config.contains("config")) {
    throw_invalid("pretransform config: expected an object with 'config'");
  }
  const std::string type = config.value("type", std::string("autoencoder"));
  if (type != "autoencoder") throw_invalid("pretransform config: 'type' is '" + type + "' (expected 'autoencoder')");
  AutoencoderPretransformOptions o;
  o.model = AudioAutoencoderOptions::from_json(config["config"]);
  try {
    o.chunked = config.value("chunked", false);
  } catch (const nlohmann::json::exception& e) {
    throw_invalid(std::string("pretransform config: 'chunked' must be a boolean (") + e.what() + ")");
  }
  return o;
}

AutoencoderPretransformImpl::AutoencoderPretransformImpl(const AutoencoderPretransformOptions& o) : options_(o) {
  model = register_module("model", AudioAutoencoder(o.model));
}

at::Tensor AutoencoderPretransformImpl::encode(const at::Tensor& audio, JobControl* job) {
  return model->encode_audio(audio, options_.chunked, options_.overlap, options_.chunk_size, job);
}

at::Tensor AutoencoderPretransformImpl::decode(const at::Tensor& latents, std::optional<bool> chunked, JobControl* job) {
  return model->decode_audio(latents, chunked.value_or(options_.chunked), options_.overlap, options_.chunk_size, job);
}

}  // namespace sa3
