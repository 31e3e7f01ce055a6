// SPDX-License-Identifier: GPL-3.0-or-later
// Which files a dataset treats as audio clips and captions, by extension.
#pragma once

#include <filesystem>

namespace sa3::dataset {

bool is_audio_file(const std::filesystem::path& path);    // by extension, case-insensitive
bool is_caption_file(const std::filesystem::path& path);  // `.txt`, case-insensitive

}  // namespace sa3::dataset
