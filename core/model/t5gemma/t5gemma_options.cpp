// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaEncoderOptions::from_json.
#include "model/t5gemma/t5gemma_options.h"

#include <nlohmann/json.hpp>

#include "model/config_field.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

void read(const nlohmann::json& config, const char* key, auto& out) {
  read_config_field(config, "T5Gemma config", key, out);
}

}  // namespace

T5GemmaEncoderOptions T5GemmaEncoderOptions::from_json(const nlohmann::json& root) {
  if (!root.is_object()) throw_invalid("T5Gemma config: expected a JSON object");
  const nlohmann::json& config = root.contains("encoder") && root["encoder"].is_object() ? root["encoder"] : root;
  T5GemmaEncoderOptions o;
  read(config, "vocab_size", o.vocab_size);
  read(config, "hidden_size", o.hidden_size);
  read(config, "intermediate_size", o.intermediate_size);
  read(config, "num_hidden_layers", o.num_hidden_layers);
  read(config, "num_attention_heads", o.num_attention_heads);
  read(config, "num_key_value_heads", o.num_key_value_heads);
  read(config, "head_dim", o.head_dim);
  read(config, "query_pre_attn_scalar", o.query_pre_attn_scalar);
  if (config.contains("attn_logit_softcapping")) {
    if (config["attn_logit_softcapping"].is_null()) {
      o.attn_logit_softcapping.reset();
    } else {
      double cap = 0;
      read(config, "attn_logit_softcapping", cap);
      o.attn_logit_softcapping = cap;
    }
  }
  read(config, "rms_norm_eps", o.rms_norm_eps);
  read(config, "rope_theta", o.rope_theta);
  read(config, "sliding_window", o.sliding_window);
  read(config, "layer_types", o.layer_types);
  read(config, "pad_token_id", o.pad_token_id);
  std::string activation = "gelu_pytorch_tanh";
  read(config, "hidden_activation", activation);
  if (activation != "gelu_pytorch_tanh") {
    throw_invalid("T5Gemma config: 'hidden_activation' '" + activation + "' is not supported (expected gelu_pytorch_tanh)");
  }
  if (o.vocab_size <= 0 || o.hidden_size <= 0 || o.intermediate_size <= 0 || o.num_hidden_layers < 0 ||
      o.head_dim <= 0 || o.num_attention_heads <= 0 || o.num_key_value_heads <= 0 ||
      o.num_attention_heads % o.num_key_value_heads != 0 || o.head_dim % 2 != 0) {
    throw_invalid("T5Gemma config: sizes must be positive, head_dim even and num_attention_heads a multiple of "
                  "num_key_value_heads");
  }
  if (!o.layer_types.empty() && static_cast<int64_t>(o.layer_types.size()) != o.num_hidden_layers) {
    throw_invalid("T5Gemma config: 'layer_types' has " + std::to_string(o.layer_types.size()) + " entries for " +
                  std::to_string(o.num_hidden_layers) + " layers");
  }
  for (const auto& t : o.layer_types) {
    if (t != "sliding_attention" && t != "full_attention") {
      throw_invalid("T5Gemma config: unknown layer type '" + t + "' in 'layer_types'");
    }
  }
  return o;
}

bool T5GemmaEncoderOptions::is_sliding(int64_t layer) const {
  if (layer_types.empty()) return (layer + 1) % 2 != 0;
  return layer_types[static_cast<size_t>(layer)] == "sliding_attention";
}

}  // namespace sa3
