// SPDX-License-Identifier: GPL-3.0-or-later
// Generators for test audio (see test_signals.h).
#include "test_signals.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>

namespace sa3::test {

namespace {

AudioBuffer make(double seconds, int rate, int channels) {
  AudioBuffer a;
  a.sample_rate = rate;
  a.channels = channels;
  a.samples.assign(size_t(std::llround(seconds * rate)) * size_t(channels), 0.0f);
  return a;
}

}  // namespace

AudioBuffer sine(double seconds, int rate, int channels, double hz, double amplitude) {
  AudioBuffer a = make(seconds, rate, channels);
  for (int64_t f = 0; f < a.frames(); ++f) {
    const float x = float(amplitude * std::sin(2 * std::numbers::pi * hz * double(f) / rate));
    for (int c = 0; c < channels; ++c) a.samples[size_t(f * channels + c)] = x;
  }
  return a;
}

AudioBuffer noise(double seconds, int rate, int channels, double amplitude, uint32_t seed) {
  AudioBuffer a = make(seconds, rate, channels);
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(-float(amplitude), float(amplitude));
  for (float& x : a.samples) x = dist(gen);
  return a;
}

AudioBuffer silence(double seconds, int rate, int channels) { return make(seconds, rate, channels); }

AudioBuffer clipped_sine(double seconds, int rate, int channels, double hz) {
  AudioBuffer a = sine(seconds, rate, channels, hz, 4.0);
  for (float& x : a.samples) x = std::clamp(x, -1.0f, 1.0f);
  return a;
}

AudioBuffer concat(const AudioBuffer& a, const AudioBuffer& b) {
  AudioBuffer out = a;
  out.samples.insert(out.samples.end(), b.samples.begin(), b.samples.end());
  return out;
}

void write_clip(const std::filesystem::path& path, const AudioBuffer& audio) {
  std::filesystem::create_directories(path.parent_path());
  const Status s = write_audio(path, audio);
  if (!s) throw std::runtime_error(s.error().message);
}

}  // namespace sa3::test
