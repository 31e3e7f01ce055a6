// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaEncoderOptions: the encoder half of a Hugging Face T5Gemma config.json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace sa3 {

// One field per key of transformers' T5GemmaModuleConfig that the encoder reads; defaults
// are google/t5gemma-b-b-ul2's encoder.
struct T5GemmaEncoderOptions {
  int64_t vocab_size = 256000;
  int64_t hidden_size = 768;
  int64_t intermediate_size = 2048;
  int64_t num_hidden_layers = 12;
  int64_t num_attention_heads = 12;
  int64_t num_key_value_heads = 12;                 // grouped-query attention when fewer than heads
  int64_t head_dim = 64;
  double query_pre_attn_scalar = 64;                // queries are scaled by its inverse square root
  std::optional<double> attn_logit_softcapping = 50.0;  // cap * tanh(s / cap) on scores; null: none
  double rms_norm_eps = 1e-6;
  double rope_theta = 10000.0;
  int64_t sliding_window = 4096;                    // sliding layers see keys with |i - j| < window
  std::vector<std::string> layer_types;             // "sliding_attention" / "full_attention" per layer
  int64_t pad_token_id = 0;

  // Reads config.json: either a T5GemmaConfig (the encoder under "encoder") or a bare module
  // config. hidden_activation must be gelu_pytorch_tanh. Throws sa3::Error(InvalidInput)
  // naming the key on a wrong type or inconsistent sizes.
  static T5GemmaEncoderOptions from_json(const nlohmann::json& config);

  // "sliding_attention" for layer i (HF default when layer_types is absent: even layers slide).
  bool is_sliding(int64_t layer) const;
};

}  // namespace sa3
