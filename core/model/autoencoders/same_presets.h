// SPDX-License-Identifier: GPL-3.0-or-later
// Options of the released SAME-S and SAME-L autoencoders, and a random-weight builder.
#pragma once

#include <cstdint>

#include "model/autoencoders/audio_autoencoder.h"

namespace sa3 {

// SAME-S (small-music/small-sfx pretransform): D 768, 6 blocks, chunk 32 with midpoint
// shift, k=3 decoder mapping. Values from spec/sa3-model.md section 3 (the HF
// model_config.json is gated; prefer the file when a models folder has one).
AudioAutoencoderOptions same_s_options();
// SAME-L (medium pretransform): D 1536, 12 blocks, band attention +-17 tokens, the last 7
// decoder blocks with sin(pi*x) gates.
AudioAutoencoderOptions same_l_options();

// A freshly initialised autoencoder of `options` (upstream's init, plus a non-zero bottleneck
// so every path carries signal). Reseeds torch's global CPU generator with `seed`, so the
// weights are reproducible. Used by `sa3 models make-tiny` and the benches.
AudioAutoencoder make_random_autoencoder(const AudioAutoencoderOptions& options, uint64_t seed);

}  // namespace sa3
