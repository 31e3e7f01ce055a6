// SPDX-License-Identifier: GPL-3.0-or-later
// Full QC of one clip: the file is read once, hashed, and decoded in one pass that feeds every
// measurement. Throws only for environment failures; a bad file is reported in decode_error.
#pragma once

#include "sa3/dataset.h"

namespace sa3::dataset {

ClipQc analyse_clip_file(const std::filesystem::path& audio_path);

}  // namespace sa3::dataset
