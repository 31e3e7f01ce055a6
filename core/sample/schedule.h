// SPDX-License-Identifier: GPL-3.0-or-later
// The timestep schedule a sampler walks (upstream inference/sampling.py: build_schedule).
#pragma once

#include <cstdint>

#include <ATen/core/Tensor.h>

#include "sample/sampling_shift.h"

namespace sa3 {

// steps+1 float32 CPU timesteps from sigma_max down to 0, warped by `shift` for a latent
// sequence of `seq_len` tokens, with the first entry pinned to sigma_max (as upstream; for
// sigma_max < 1 this makes the schedule rise at its second entry, which is reproduced as is).
// sigma_max is 1 for text-to-audio, the init noise level for audio-to-audio.
// Throws sa3::Error (InvalidInput) for steps < 1 or sigma_max outside (0, 1].
at::Tensor build_schedule(int64_t steps, double sigma_max, const SamplingShift& shift,
                          int64_t seq_len);

}  // namespace sa3
