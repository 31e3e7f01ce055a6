// SPDX-License-Identifier: GPL-3.0-or-later
// Captions: the sibling `<stem>.txt` of an audio file, read as bytes and checked for UTF-8.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace sa3::dataset {

std::filesystem::path caption_path_for(const std::filesystem::path& audio);
bool is_valid_utf8(std::string_view bytes);

struct CaptionText {
  bool exists = false;
  std::string text;
  bool utf8 = true;
};
// Reads the caption if present; throws sa3::Error (InvalidInput) naming it when unreadable.
CaptionText read_caption(const std::filesystem::path& caption_path);

}  // namespace sa3::dataset
