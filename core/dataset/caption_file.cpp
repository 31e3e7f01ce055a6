// SPDX-License-Identifier: GPL-3.0-or-later
// Caption files: reading, UTF-8 validation and the facade's atomic save_caption().
#include "caption_file.h"

#include <cstdint>

#include "base/atomic_file.h"
#include "sa3/dataset.h"
#include "sa3/error.h"

namespace sa3::dataset {

std::filesystem::path caption_path_for(const std::filesystem::path& audio) {
  std::filesystem::path p = audio;
  p.replace_extension(".txt");
  return p;
}

bool is_valid_utf8(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    const auto c = uint8_t(bytes[i]);
    size_t len = 0;
    uint32_t cp = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > bytes.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = uint8_t(bytes[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
    const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

CaptionText read_caption(const std::filesystem::path& caption_path) {
  CaptionText caption;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(caption_path, ec)) return caption;
  caption.exists = true;
  caption.text = read_file(caption_path);
  caption.utf8 = is_valid_utf8(caption.text);
  return caption;
}

}  // namespace sa3::dataset

namespace sa3 {

Status save_caption(const Clip& clip, std::string_view text) {
  return capture_status([&] {
    // Guard the one write the studio makes in a user's folder: only ever the audio's sibling .txt.
    if (clip.caption_path.empty() || clip.caption_path != dataset::caption_path_for(clip.audio_path))
      throw_internal(clip.caption_path.string() + ": not the caption of " + clip.audio_path.string());
    if (!dataset::is_valid_utf8(text))
      throw_invalid(clip.caption_path.string() + ": caption is not valid UTF-8");
    write_file_atomic(clip.caption_path, text);
  });
}

}  // namespace sa3
