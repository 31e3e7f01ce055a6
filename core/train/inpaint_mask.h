// SPDX-License-Identifier: GPL-3.0-or-later
// Random inpainting masks for training (spec §5.3 step 3; upstream models/inpainting.py:
// random_inpaint_mask with the legacy three types and mask_padding).
#pragma once

#include <array>

#include <ATen/core/Tensor.h>

#include "train/training_rng.h"

namespace sa3 {

struct InpaintMaskOptions {
  // P(RANDOM_SEGMENTS), P(FULL_MASK), P(CAUSAL).
  std::array<double, 3> probabilities{0.1, 0.8, 0.1};
  int max_segments = 10;
  bool mask_padding = true;
};

// One mask per sample of padding_mask [B, T] (bool): float [B, 1, T], 1 = context (keep),
// 0 = generate.
at::Tensor random_inpaint_mask(const at::Tensor& padding_mask, TrainingRng& rng,
                               const InpaintMaskOptions& options = {});

}  // namespace sa3
