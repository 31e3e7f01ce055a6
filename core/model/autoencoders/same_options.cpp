// SPDX-License-Identifier: GPL-3.0-or-later
// SAMEOptions::from_json: reads a SAME encoder/decoder config object.
#include "model/autoencoders/same_options.h"

#include <nlohmann/json.hpp>

#include "model/config_field.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

void read(const nlohmann::json& config, const char* key, auto& out) {
  read_config_field(config, "SAME config", key, out);
}

void require_flag(const nlohmann::json& config, const char* key, bool supported) {
  bool value = supported;
  read(config, key, value);
  if (value != supported) {
    throw_invalid(std::string("SAME config: '") + key + "' = " + (value ? "true" : "false") +
                  " is not supported (SAME-S/SAME-L checkpoints use " + (supported ? "true" : "false") + ")");
  }
}

}  // namespace

SAMEOptions SAMEOptions::from_json(const nlohmann::json& config, bool decoder) {
  if (!config.is_object()) throw_invalid("SAME config: expected a JSON object");
  SAMEOptions o;
  read(config, decoder ? "out_channels" : "in_channels", o.io_channels);
  read(config, "channels", o.channels);
  read(config, "latent_dim", o.latent_dim);
  read(config, "c_mults", o.c_mults);
  read(config, "strides", o.strides);
  read(config, "transformer_depths", o.transformer_depths);
  if (config.contains("sliding_window") && !config["sliding_window"].is_null()) {
    std::vector<int64_t> w;
    read(config, "sliding_window", w);
    if (w.size() != 2 || w[0] < 0 || w[1] < 0) {
      throw_invalid("SAME config: 'sliding_window' must be two non-negative integers");
    }
    o.sliding_window = std::array<int64_t, 2>{w[0], w[1]};
  }
  read(config, "chunk_size", o.chunk_size);
  read(config, "chunk_midpoint_shift", o.chunk_midpoint_shift);
  read(config, "dim_heads", o.dim_heads);
  read(config, "differential", o.differential);
  read(config, "variable_stride", o.variable_stride);
  read(config, "ff_mult", o.ff_mult);
  read(config, "mask_noise", o.mask_noise);
  read(config, "conv_mapping", o.conv_mapping);
  o.sinusoidal_blocks.assign(o.c_mults.size(), 0);
  if (decoder) read(config, "sinusoidal_blocks", o.sinusoidal_blocks);
  // Options of upstream's research variants that no released SAME checkpoint uses.
  require_flag(config, "dyt", true);
  require_flag(config, "conformer", false);
  require_flag(config, "layer_scale", false);
  require_flag(config, "feat_scale", false);
  require_flag(config, "cross_attn", false);
  require_flag(config, "causal", false);

  const size_t n = o.c_mults.size();
  if (n == 0 || o.strides.size() != n || o.transformer_depths.size() != n || o.sinusoidal_blocks.size() != n) {
    throw_invalid("SAME config: 'c_mults', 'strides', 'transformer_depths' (and 'sinusoidal_blocks') must have "
                  "the same non-zero length");
  }
  if (o.channels <= 0 || o.latent_dim <= 0 || o.io_channels <= 0 || o.dim_heads <= 0 || o.ff_mult <= 0) {
    throw_invalid("SAME config: 'channels', 'latent_dim', 'dim_heads', 'ff_mult' and the io channels must be positive");
  }
  for (size_t i = 0; i < n; ++i) {
    if (o.strides[i] <= 0 || o.c_mults[i] <= 0 || o.transformer_depths[i] < 0) {
      throw_invalid("SAME config: 'strides' and 'c_mults' must be positive, 'transformer_depths' non-negative");
    }
    if (!o.sliding_window && (o.chunk_size <= 0 || o.chunk_size % o.strides[i] != 0)) {
      throw_invalid("SAME config: 'chunk_size' " + std::to_string(o.chunk_size) +
                    " must be a positive multiple of every stride (got stride " + std::to_string(o.strides[i]) + ")");
    }
  }
  return o;
}

}  // namespace sa3
