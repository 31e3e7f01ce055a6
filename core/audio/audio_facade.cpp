// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's file functions (sa3/audio.h) over SoundFile.
#include "sa3/audio.h"

#include "sound_file.h"

namespace sa3 {

Result<AudioInfo> read_audio_info(const std::filesystem::path& path) {
  return capture([&] { return audio::SoundFile(path).info(); });
}

Result<AudioBuffer> decode_audio(const std::filesystem::path& path) {
  return capture([&] { return audio::SoundFile(path).read_all(); });
}

}  // namespace sa3
