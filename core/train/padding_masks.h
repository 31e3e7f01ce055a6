// SPDX-License-Identifier: GPL-3.0-or-later
// Padding masks of training crops (spec §5.3 steps 1–2; upstream training/utils.py:
// resize_padding_mask, create_augmented_padding_mask). Masks are bool [B, T], true = valid.
#pragma once

#include <ATen/core/Tensor.h>

#include "train/training_rng.h"

namespace sa3 {

// Resizes to `length` positions, rounding the valid length up: ceil(valid·length/source).
at::Tensor resize_padding_mask(const at::Tensor& mask, int64_t length);

// Silence extension: each sample's valid length grows by floor(Exp(mean = scale_tokens)),
// capped at T, so the model also learns to end in silence. scale_tokens = 4 s·44100/4096.
at::Tensor augment_padding_mask(const at::Tensor& mask, TrainingRng& rng, double scale_tokens);

}  // namespace sa3
