// SPDX-License-Identifier: GPL-3.0-or-later
// RenderLayout: how long a render's latent canvas is and which part of it is valid, from the
// requested duration (upstream model.py: _adapt_sample_size; sampling.py: sample_diffusion's
// padding mask; data/utils.py: compute_effective_seq_len_from_conditioning).
// The canvas is the duration plus 6 s of headroom, aligned to whole SAME chunks; the attention
// only sees the duration plus 64 headroom latents, so a 10 s render does not pay for, or get
// shaped by, the model's native length.
#pragma once

#include <cstdint>

#include <ATen/core/Tensor.h>

namespace sa3 {

struct RenderGeometry {
  int64_t sample_rate = 44100;
  int64_t downsampling_ratio = 4096;  // audio samples per latent
  int64_t latent_align = 2;           // SAME encoder chunk_size / stride, in latents
  int64_t max_samples = 5324800;      // the model's sample_size: the canvas is capped here
  double padding_seconds = 6.0;       // upstream duration_padding_sec
};

struct RenderLayout {
  int64_t latent_length = 0;     // T: latents on the canvas
  int64_t valid_length = 0;      // latents the attention sees (≤ T)
  int64_t effective_length = 0;  // latents of the requested duration; the schedule's length
  int64_t output_samples = 0;    // audio samples returned after trimming

  // [batch, T] bool, true on the first valid_length latents.
  at::Tensor padding_mask(int64_t batch, const at::Device& device) const;
};

// Throws sa3::Error (InvalidInput) when seconds is not positive or the canvas would exceed
// max_samples before the requested duration fits.
RenderLayout layout_for_duration(double seconds, const RenderGeometry& geometry);

}  // namespace sa3
