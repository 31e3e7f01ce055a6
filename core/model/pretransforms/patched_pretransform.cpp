// SPDX-License-Identifier: GPL-3.0-or-later
// PatchedPretransform encode/decode (pretransforms.py: PatchedPretransform._pad/encode/decode).
#include "model/pretransforms/patched_pretransform.h"

#include <ATen/ops/constant_pad_nd.h>
#include <nlohmann/json.hpp>

#include "sa3/error.h"

namespace sa3 {

PatchedPretransform PatchedPretransform::from_json(const nlohmann::json& config) {
  if (!config.is_object() || !config.contains("channels") || !config.contains("patch_size")) {
    throw_invalid("pretransform config: expected an object with 'channels' and 'patch_size'");
  }
  try {
    if (config.value("oversampling", 1) != 1) throw_invalid("pretransform config: 'oversampling' other than 1 is not supported");
    if (config.value("postfilter_channels", 0) != 0) {
      throw_invalid("pretransform config: 'postfilter_channels' other than 0 is not supported");
    }
    return PatchedPretransform(config.at("channels").get<int64_t>(), config.at("patch_size").get<int64_t>());
  } catch (const nlohmann::json::exception& e) {
    throw_invalid(std::string("pretransform config: a field has the wrong type (") + e.what() + ")");
  }
}

PatchedPretransform::PatchedPretransform(int64_t channels, int64_t patch_size)
    : channels_(channels), patch_size_(patch_size) {
  if (channels <= 0 || patch_size <= 0) {
    throw_invalid("pretransform config: 'channels' and 'patch_size' must be positive (got " +
                  std::to_string(channels) + ", " + std::to_string(patch_size) + ")");
  }
}

at::Tensor PatchedPretransform::encode(const at::Tensor& audio) const {
  if (audio.dim() != 3 || audio.size(1) != channels_) {
    throw_invalid("PatchedPretransform.encode: expected audio [B, " + std::to_string(channels_) + ", N], got " +
                  std::to_string(audio.dim()) + " dims");
  }
  const int64_t n = audio.size(2);
  const int64_t pad = (patch_size_ - n % patch_size_) % patch_size_;
  const at::Tensor x = pad > 0 ? at::constant_pad_nd(audio, {0, pad}) : audio;
  const int64_t b = x.size(0);
  const int64_t l = x.size(2) / patch_size_;
  // [B, C, L, H] -> [B, C, H, L] -> [B, C*H, L]
  return x.view({b, channels_, l, patch_size_}).permute({0, 1, 3, 2}).reshape({b, channels_ * patch_size_, l});
}

at::Tensor PatchedPretransform::decode(const at::Tensor& patches) const {
  const int64_t b = patches.size(0);
  const int64_t l = patches.size(2);
  // [B, C*H, L] -> [B, C, H, L] -> [B, C, L, H] -> [B, C, L*H]
  return patches.reshape({b, channels_, patch_size_, l}).permute({0, 1, 3, 2}).reshape({b, channels_, l * patch_size_});
}

}  // namespace sa3
