// SPDX-License-Identifier: GPL-3.0-or-later
// A generated training dataset for the trainer tests: stereo sines with a caption each.
#pragma once

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "sa3/audio.h"
#include "test_support.h"

namespace sa3::test {

inline void write_sine_clip(const std::filesystem::path& dir, const std::string& name, double freq, double seconds,
                            const std::string& caption) {
  AudioBuffer audio;
  audio.sample_rate = 44100;
  audio.channels = 2;
  const auto frames = static_cast<int64_t>(seconds * 44100);
  for (int64_t i = 0; i < frames; ++i) {
    const float v = 0.5f * static_cast<float>(std::sin(2 * M_PI * freq * static_cast<double>(i) / 44100.0));
    audio.samples.push_back(v);
    audio.samples.push_back(v);
  }
  ASSERT_TRUE(write_audio(dir / (name + ".wav"), audio));
  write_text(dir / (name + ".txt"), caption);
}

}  // namespace sa3::test
