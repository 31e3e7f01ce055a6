// SPDX-License-Identifier: GPL-3.0-or-later
// SoundFile: libsndfile opened on a path or on an in-memory copy of the file.
#include "sound_file.h"

#include <sndfile.h>

#include <algorithm>
#include <cstring>

#include "sa3/error.h"

namespace sa3::audio {

// libsndfile's virtual I/O over a byte range, so QC reads each file once for hash and decode.
struct SoundFile::Memory {
  std::string_view bytes;
  sf_count_t pos = 0;

  static sf_count_t size(void* self) { return sf_count_t(static_cast<Memory*>(self)->bytes.size()); }
  static sf_count_t seek(sf_count_t offset, int whence, void* self) {
    auto* m = static_cast<Memory*>(self);
    const sf_count_t base = whence == SEEK_CUR ? m->pos : whence == SEEK_END ? size(self) : 0;
    m->pos = std::clamp<sf_count_t>(base + offset, 0, size(self));
    return m->pos;
  }
  static sf_count_t read(void* dst, sf_count_t count, void* self) {
    auto* m = static_cast<Memory*>(self);
    const sf_count_t n = std::clamp<sf_count_t>(size(self) - m->pos, 0, count);
    std::memcpy(dst, m->bytes.data() + m->pos, size_t(n));
    m->pos += n;
    return n;
  }
  static sf_count_t write(const void*, sf_count_t, void*) { return 0; }
  static sf_count_t tell(void* self) { return static_cast<Memory*>(self)->pos; }
};

namespace {

std::string format_name(int major, int subtype) {
  switch (major) {
    case SF_FORMAT_WAV: case SF_FORMAT_WAVEX: case SF_FORMAT_W64: case SF_FORMAT_RF64: return "wav";
    case SF_FORMAT_FLAC: return "flac";
    case SF_FORMAT_AIFF: return "aiff";
    case SF_FORMAT_MPEG: return "mp3";
    case SF_FORMAT_OGG: return subtype == SF_FORMAT_OPUS ? "opus" : "ogg";
    default: break;
  }
  SF_FORMAT_INFO fi{};
  fi.format = major;
  if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &fi, sizeof fi) == 0 && fi.extension) return fi.extension;
  return "unknown";
}

}  // namespace

SoundFile::SoundFile(const std::filesystem::path& path) : name_(path.string()) {
  SF_INFO sfinfo{};
  handle_ = sf_open(path.c_str(), SFM_READ, &sfinfo);
  if (!handle_) open_failed("cannot open audio");
  fill_info();
}

SoundFile::SoundFile(std::string_view bytes, std::string name)
    : name_(std::move(name)), memory_(std::make_unique<Memory>()) {
  memory_->bytes = bytes;
  static SF_VIRTUAL_IO io{&Memory::size, &Memory::seek, &Memory::read, &Memory::write, &Memory::tell};
  SF_INFO sfinfo{};
  handle_ = sf_open_virtual(&io, SFM_READ, &sfinfo, memory_.get());
  if (!handle_) open_failed("cannot decode audio");
  fill_info();
}

SoundFile::~SoundFile() {
  if (handle_) sf_close(static_cast<SNDFILE*>(handle_));
}

void SoundFile::open_failed(const char* what) {
  throw_invalid(name_ + ": " + what + " (" + sf_strerror(nullptr) + ")");
}

void SoundFile::fill_info() {
  SF_INFO sfinfo{};
  sf_command(static_cast<SNDFILE*>(handle_), SFC_GET_CURRENT_SF_INFO, &sfinfo, sizeof sfinfo);
  if (sfinfo.channels <= 0 || sfinfo.samplerate <= 0)
    throw_invalid(name_ + ": invalid audio header (channels " + std::to_string(sfinfo.channels) +
                  ", sample rate " + std::to_string(sfinfo.samplerate) + ")");
  major_format_ = sfinfo.format & SF_FORMAT_TYPEMASK;
  info_.format = format_name(major_format_, sfinfo.format & SF_FORMAT_SUBMASK);
  info_.sample_rate = sfinfo.samplerate;
  info_.channels = sfinfo.channels;
  // libsndfile reports SF_COUNT_MAX when the length is unknown (e.g. some streams).
  info_.frames = sfinfo.frames == SF_COUNT_MAX ? 0 : sfinfo.frames;
  info_.duration_s = double(info_.frames) / sfinfo.samplerate;
}

int64_t SoundFile::read(std::vector<float>& out, int64_t frames) {
  auto* sf = static_cast<SNDFILE*>(handle_);
  out.resize(size_t(frames) * size_t(info_.channels));
  const sf_count_t got = sf_readf_float(sf, out.data(), frames);
  if (got < 0 || (got < frames && sf_error(sf) != SF_ERR_NO_ERROR))
    throw_invalid(name_ + ": decoding failed (" + sf_strerror(sf) + ")");
  out.resize(size_t(got) * size_t(info_.channels));
  return got;
}

AudioBuffer SoundFile::read_all() {
  AudioBuffer buffer;
  buffer.sample_rate = info_.sample_rate;
  buffer.channels = info_.channels;
  // A damaged header can claim any length: reserve what it says only up to 64 Mi samples.
  constexpr int64_t kMaxReserve = int64_t(64) << 20;
  buffer.samples.reserve(size_t(info_.frames < kMaxReserve / info_.channels ? info_.frames * info_.channels : kMaxReserve));
  std::vector<float> block;
  while (read(block, 65536) > 0) buffer.samples.insert(buffer.samples.end(), block.begin(), block.end());
  return buffer;
}

}  // namespace sa3::audio
