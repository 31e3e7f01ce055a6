// SPDX-License-Identifier: GPL-3.0-or-later
// DiT config parsing.
#include "model/dit_options.h"

#include <nlohmann/json.hpp>

#include "sa3/error.h"

namespace sa3 {
namespace {

using nlohmann::json;

std::int64_t positive_int(const json& c, const std::string& where, const char* key, bool required,
                          std::int64_t fallback) {
  if (!c.contains(key)) {
    if (required) throw_invalid(where + ": missing '" + key + "'");
    return fallback;
  }
  const json& v = c[key];
  if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
    throw_invalid(where + ": '" + key + "' must be a non-negative integer, got " + v.dump());
  return v.get<std::int64_t>();
}

void expect_string(const json& c, const std::string& where, const char* key, const char* supported) {
  if (!c.contains(key)) return;
  if (!c[key].is_string() || c[key].get<std::string>() != supported)
    throw_invalid(where + ": '" + key + "' is " + c[key].dump() + "; SA3 Studio supports \"" +
                  supported + "\"");
}

}  // namespace

DiffusionTransformerOptions DiffusionTransformerOptions::from_json(const json& c, const std::string& where) {
  if (!c.is_object()) throw_invalid(where + ": the DiT config is not a JSON object");
  DiffusionTransformerOptions o;
  o.io_channels = positive_int(c, where, "io_channels", true, 0);
  o.embed_dim = positive_int(c, where, "embed_dim", true, 0);
  o.depth = positive_int(c, where, "depth", true, 0);
  o.num_heads = positive_int(c, where, "num_heads", true, 0);
  o.cond_token_dim = positive_int(c, where, "cond_token_dim", false, 0);
  o.global_cond_dim = positive_int(c, where, "global_cond_dim", false, 0);
  o.local_add_cond_dim = positive_int(c, where, "local_add_cond_dim", false, 0);
  o.num_memory_tokens = positive_int(c, where, "num_memory_tokens", false, 0);
  o.timestep_features_dim = positive_int(c, where, "timestep_features_dim", false, 256);
  if (o.num_heads == 0 || o.embed_dim % o.num_heads != 0)
    throw_invalid(where + ": 'embed_dim' " + std::to_string(o.embed_dim) +
                  " is not divisible by 'num_heads' " + std::to_string(o.num_heads));
  if (o.cond_token_dim == 0 || o.global_cond_dim == 0)
    throw_invalid(where + ": SA3 DiTs need 'cond_token_dim' and 'global_cond_dim'");
  if (c.contains("patch_size") && c["patch_size"] != 1)
    throw_invalid(where + ": 'patch_size' is " + c["patch_size"].dump() + "; SA3 uses 1");
  expect_string(c, where, "global_cond_type", "adaLN");
  expect_string(c, where, "timestep_cond_type", "global");
  expect_string(c, where, "timestep_features_type", "expo");
  expect_string(c, where, "norm_type", "rms_norm");
  expect_string(c, where, "transformer_type", "continuous_transformer");
  for (const char* key : {"project_cond_tokens", "project_global_cond"})
    if (c.contains(key) && c[key] != true) throw_invalid(where + ": '" + key + "' must be true");
  if (c.contains("timestep_features_logsnr") && c["timestep_features_logsnr"] != false)
    throw_invalid(where + ": 'timestep_features_logsnr' must be false");
  if (c.contains("ff_kwargs")) {
    const json& ff = c["ff_kwargs"];
    if (ff.contains("mult")) {
      if (!ff["mult"].is_number()) throw_invalid(where + ": 'ff_kwargs.mult' must be a number");
      o.ff_mult = ff["mult"].get<double>();
    }
  }
  if (c.contains("attn_kwargs")) {
    const json& attn = c["attn_kwargs"];
    if (attn.contains("differential")) {
      if (!attn["differential"].is_boolean())
        throw_invalid(where + ": 'attn_kwargs.differential' must be true or false");
      o.differential = attn["differential"].get<bool>();
    }
    expect_string(attn, where, "qk_norm", "rms");
  }
  return o;
}

nlohmann::json DiffusionTransformerOptions::to_json() const {
  return {{"io_channels", io_channels},
          {"patch_size", 1},
          {"embed_dim", embed_dim},
          {"depth", depth},
          {"num_heads", num_heads},
          {"cond_token_dim", cond_token_dim},
          {"global_cond_dim", global_cond_dim},
          {"local_add_cond_dim", local_add_cond_dim},
          {"num_memory_tokens", num_memory_tokens},
          {"timestep_features_dim", timestep_features_dim},
          {"timestep_features_type", "expo"},
          {"global_cond_type", "adaLN"},
          {"timestep_cond_type", "global"},
          {"norm_type", "rms_norm"},
          {"transformer_type", "continuous_transformer"},
          {"project_cond_tokens", true},
          {"project_global_cond", true},
          {"ff_kwargs", {{"mult", ff_mult}}},
          {"attn_kwargs", {{"differential", differential}, {"qk_norm", "rms"}}}};
}

}  // namespace sa3
