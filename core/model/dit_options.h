// SPDX-License-Identifier: GPL-3.0-or-later
// DiffusionTransformerOptions: the DiT hyper-parameters, one field per key of
// model_config.json's `model.diffusion.config` (upstream DiffusionTransformer.__init__ and the
// ContinuousTransformer kwargs it forwards). from_json accepts exactly what SA3 uses and
// names the key of anything else.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace sa3 {

struct DiffusionTransformerOptions {
  std::int64_t io_channels = 256;            // io_channels: latent channels
  std::int64_t embed_dim = 1024;             // embed_dim: E
  std::int64_t depth = 20;                   // depth: number of blocks
  std::int64_t num_heads = 16;               // num_heads: heads; head size = E / num_heads
  std::int64_t cond_token_dim = 768;         // cond_token_dim: raw cross token width
  std::int64_t global_cond_dim = 768;        // global_cond_dim: raw global vector width
  std::int64_t local_add_cond_dim = 257;     // local_add_cond_dim: inpaint mask + masked latent
  std::int64_t num_memory_tokens = 64;       // num_memory_tokens: learned register tokens
  std::int64_t timestep_features_dim = 256;  // timestep_features_dim: Expo-Fourier width
  double ff_mult = 4;                        // ff_kwargs.mult: SwiGLU inner = E·mult
  bool differential = false;                 // attn_kwargs.differential: medium family

  std::int64_t dim_heads() const { return embed_dim / num_heads; }

  // `config` is the object holding the keys above (model.diffusion.config). Throws
  // sa3::Error (InvalidInput) naming `where` and the key for missing, mistyped or
  // unsupported values (patch_size != 1, global_cond_type != adaLN, ...).
  static DiffusionTransformerOptions from_json(const nlohmann::json& config, const std::string& where);
  nlohmann::json to_json() const;
};

}  // namespace sa3
