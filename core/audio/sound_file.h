// SPDX-License-Identifier: GPL-3.0-or-later
// SoundFile: an open libsndfile handle over a path or over bytes in memory, read in blocks.
// Ownership: owns the SNDFILE and closes it; a memory-backed file borrows the caller's bytes,
// which must outlive it. Threading: one object per thread. Errors: throws sa3::Error
// (InvalidInput) naming the file and libsndfile's reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sa3/audio.h"

namespace sa3::audio {

class SoundFile {
 public:
  // Opens `path` for reading (header only; nothing is decoded yet).
  explicit SoundFile(const std::filesystem::path& path);
  // Reads from `bytes`; `name` only labels errors.
  SoundFile(std::string_view bytes, std::string name);
  ~SoundFile();
  SoundFile(const SoundFile&) = delete;
  SoundFile& operator=(const SoundFile&) = delete;

  const AudioInfo& info() const { return info_; }
  // Reads up to `frames` interleaved frames into `out` (resized); returns the frames read,
  // 0 at the end. Throws when the decoder reports an error.
  int64_t read(std::vector<float>& out, int64_t frames);
  // Decodes everything that is left.
  AudioBuffer read_all();

 private:
  struct Memory;
  void open_failed(const char* what);
  void fill_info();

  std::string name_;
  std::unique_ptr<Memory> memory_;
  void* handle_ = nullptr;  // SNDFILE*, kept opaque so callers need not include sndfile.h
  int major_format_ = 0;
  AudioInfo info_;
};

}  // namespace sa3::audio
