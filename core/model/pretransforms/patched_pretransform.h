// SPDX-License-Identifier: GPL-3.0-or-later
// PatchedPretransform: folds audio samples into patch channels and back (no parameters).
#pragma once

#include <ATen/core/Tensor.h>
#include <nlohmann/json_fwd.hpp>

namespace sa3 {

// stable_audio_3/models/pretransforms.py: PatchedPretransform without oversampling or
// postfilter (the configuration of every SAME model).
class PatchedPretransform {
 public:
  // The `pretransform.config` object of a SAME config: {"channels", "patch_size"}.
  // Throws sa3::Error(InvalidInput) on a missing or bad field, or on oversampling/postfilter.
  static PatchedPretransform from_json(const nlohmann::json& config);
  PatchedPretransform(int64_t channels, int64_t patch_size);

  // Zero-pads to a multiple of patch_size, then "b c (l h) -> b (c h) l":
  // [B, channels, N] -> [B, channels*patch_size, ceil(N/patch_size)]; channel index = c*patch + h.
  at::Tensor encode(const at::Tensor& audio) const;
  // "b (c h) l -> b c (l h)": [B, channels*patch_size, L] -> [B, channels, L*patch_size].
  at::Tensor decode(const at::Tensor& patches) const;

  int64_t channels() const { return channels_; }
  int64_t patch_size() const { return patch_size_; }

 private:
  int64_t channels_;
  int64_t patch_size_;
};

}  // namespace sa3
