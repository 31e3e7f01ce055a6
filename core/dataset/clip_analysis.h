// SPDX-License-Identifier: GPL-3.0-or-later
// Full QC of one clip: the file is read once, hashed, and decoded in one pass that feeds every
// measurement (files over `in_memory_limit` bytes are hashed and decoded as two streams, so an
// hour-long recording never sits in memory). Throws only for environment failures; a bad file
// is reported in decode_error.
#pragma once

#include <cstdint>

#include "sa3/dataset.h"

namespace sa3::dataset {

inline constexpr uintmax_t kInMemoryBytes = uintmax_t(64) << 20;

ClipQc analyse_clip_file(const std::filesystem::path& audio_path, uintmax_t in_memory_limit = kInMemoryBytes);

}  // namespace sa3::dataset
