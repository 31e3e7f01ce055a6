// SPDX-License-Identifier: GPL-3.0-or-later
// Building blocks shared by the DiT and the conditioners (upstream models/blocks.py).
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace sa3 {

// stable_audio_3/models/blocks.py: ExpoFourierFeatures.forward. t [N] (any float dtype) ->
// [N, dim] = [cos(arg) ‖ sin(arg)] with arg = ((t·f)·2)·π and f log-spaced from min_freq
// to max_freq, computed in fp32 in exactly this op order (arguments reach ~6e4, where a
// different order moves features by ~4e-3) and returned in t's dtype.
at::Tensor expo_fourier_features(const at::Tensor& t, std::int64_t dim, double min_freq = 0.5,
                                 double max_freq = 10000.0);

}  // namespace sa3
