// SPDX-License-Identifier: GPL-3.0-or-later
// Test audio generated on the fly: sines, noise, silence and clipped signals, written through
// sa3::write_audio. Shared by the audio, dataset and CLI tests.
#pragma once

#include <cstdint>
#include <filesystem>

#include "sa3/audio.h"

namespace sa3::test {

AudioBuffer sine(double seconds, int rate, int channels, double hz, double amplitude);
AudioBuffer noise(double seconds, int rate, int channels, double amplitude, uint32_t seed);
AudioBuffer silence(double seconds, int rate, int channels);
// A sine driven 12 dB past full scale and clamped: most of its samples sit at ±1.
AudioBuffer clipped_sine(double seconds, int rate, int channels, double hz);
// `a` followed by `b` (same rate and channels).
AudioBuffer concat(const AudioBuffer& a, const AudioBuffer& b);
// Writes `audio` (format from the extension); throws std::runtime_error on failure.
void write_clip(const std::filesystem::path& path, const AudioBuffer& audio);

}  // namespace sa3::test
