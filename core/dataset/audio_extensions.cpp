// SPDX-License-Identifier: GPL-3.0-or-later
// Audio and caption extensions: what libsndfile 1.2 decodes (see README, "Libraries and why").
#include "audio_extensions.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "sa3/dataset.h"

namespace sa3::dataset {

namespace {

std::string lower_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext;
}

}  // namespace

bool is_audio_file(const std::filesystem::path& path) {
  const auto& exts = supported_audio_extensions();
  return std::find(exts.begin(), exts.end(), lower_extension(path)) != exts.end();
}

bool is_caption_file(const std::filesystem::path& path) { return lower_extension(path) == ".txt"; }

}  // namespace sa3::dataset

namespace sa3 {

const std::vector<std::string>& supported_audio_extensions() {
  static const std::vector<std::string> exts = {".wav", ".wave", ".flac", ".ogg", ".oga", ".opus",
                                                ".mp3", ".aif", ".aiff", ".aifc"};
  return exts;
}

}  // namespace sa3
