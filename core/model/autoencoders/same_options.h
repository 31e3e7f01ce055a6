// SPDX-License-Identifier: GPL-3.0-or-later
// SAMEOptions: the `encoder.config` / `decoder.config` object of a SAME autoencoder config.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace sa3 {

// One field per key of upstream `SAMEEncoder.__init__` / `SAMEDecoder.__init__`
// (stable_audio_3/models/autoencoders.py); defaults are upstream's. Real SAME-S:
// channels 128, c_mults [6], chunk_size 32, chunk_midpoint_shift; SAME-L: channels 256,
// c_mults [6], sliding_window [1,1], decoder sinusoidal_blocks [8].
struct SAMEOptions {
  // Audio-side channel count: `in_channels` of the encoder (patch channels, 512 =
  // 2 audio channels x 256 patch) or `out_channels` of the decoder.
  int64_t io_channels = 2;
  int64_t channels = 128;                             // base width; block dim = channels * c_mult
  int64_t latent_dim = 32;                            // bottleneck channels
  std::vector<int64_t> c_mults{1, 2, 4, 8};           // one resampling block per entry
  std::vector<int64_t> strides{2, 4, 8, 8};           // patches per latent, per block
  std::vector<int64_t> transformer_depths{3, 3, 3, 3};
  // Band attention of |i-j| <= window * (stride + 1) tokens over the whole sequence
  // (SAME-L); when absent, attention runs in independent chunks (SAME-S).
  std::optional<std::array<int64_t, 2>> sliding_window;
  int64_t chunk_size = 128;                           // patches per attention chunk
  bool chunk_midpoint_shift = false;                  // shift chunks by half in the second half of the layers
  int64_t dim_heads = 128;
  bool differential = true;                           // differential attention (5*dim fused qkv)
  bool variable_stride = false;                       // one learned new token repeated vs. one per slot
  double ff_mult = 3;
  double mask_noise = 0;                              // decoder: randn * mask_noise added to new tokens
  bool conv_mapping = false;                          // k=3 (true) or k=1 mapping conv
  std::vector<int64_t> sinusoidal_blocks;             // decoder: per block, count of sin(pi*x) FF blocks

  // Reads one SAME `config` object; `decoder` selects `out_channels` over `in_channels`.
  // Throws sa3::Error(InvalidInput) naming the key on a wrong type or an unsupported value.
  static SAMEOptions from_json(const nlohmann::json& config, bool decoder);

  int64_t block_count() const { return static_cast<int64_t>(c_mults.size()); }
};

}  // namespace sa3
