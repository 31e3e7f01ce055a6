// SPDX-License-Identifier: GPL-3.0-or-later
// Jobs and dataset generators for the fal tests.
#include "fal_test_support.h"

#include <zip.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>

namespace sa3::test {

TrainingJob small_fal_job() {
  TrainingJob job;
  job.model = "small-music-base";
  job.number_of_steps = 200;
  job.rank = 8;
  job.studio = StudioOptions{};
  return job;
}

void write_zip(const std::filesystem::path& path, const std::map<std::string, std::string>& entries) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!z) throw std::runtime_error("cannot create " + path.string());
  for (const auto& [name, bytes] : entries) {
    zip_source_t* src = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
    if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) throw std::runtime_error("zip add " + name);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(zip_name_locate(z, name.c_str(), 0)), ZIP_CM_STORE, 0);
  }
  if (zip_close(z) != 0) throw std::runtime_error("cannot write " + path.string());
}

std::string wav_bytes(double seconds) {
  const uint32_t rate = 8000;
  const auto frames = static_cast<uint32_t>(seconds * rate);
  std::string out;
  auto u32 = [&](uint32_t v) { for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF); };
  auto u16 = [&](uint16_t v) { for (int i = 0; i < 2; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF); };
  out += "RIFF";
  u32(36 + frames * 2);
  out += "WAVEfmt ";
  u32(16);
  u16(1);
  u16(1);
  u32(rate);
  u32(rate * 2);
  u16(2);
  u16(16);
  out += "data";
  u32(frames * 2);
  for (uint32_t i = 0; i < frames; ++i) u16(static_cast<uint16_t>(static_cast<int16_t>(8000 * std::sin(i * 0.05))));
  return out;
}

void write_dataset_zip(const std::filesystem::path& path, int clips, size_t padding) {
  std::map<std::string, std::string> entries;
  std::mt19937 rng(7);
  for (int i = 0; i < clips; ++i) {
    std::string audio = wav_bytes(0.5);
    const std::string name = "clip" + std::to_string(i);
    entries[name + ".wav"] = audio;
    entries[name + ".txt"] = "warm analog pad number " + std::to_string(i);
  }
  if (padding > 0) {
    std::string noise(padding, '\0');
    for (char& c : noise) c = static_cast<char>(rng());
    entries["noise.wav"] = wav_bytes(0.1) + noise;
    entries["noise.txt"] = "noise";
  }
  write_zip(path, entries);
}

}  // namespace sa3::test
