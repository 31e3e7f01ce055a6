// SPDX-License-Identifier: GPL-3.0-or-later
// Support for GUI tests: one QApplication for the whole test program (registered as a
// GoogleTest environment, so gtest_main works unchanged), settings in a temporary folder, and a writer of
// small PCM WAV files so tests generate their own audio.
#pragma once

#include <filesystem>
#include <string>

namespace sa3::test {

// A 16-bit PCM WAV: a sine of `hz` at `amplitude` (0 writes silence), `seconds` long.
void write_sine_wav(const std::filesystem::path& path, double seconds, int sample_rate = 22050, int channels = 1,
                    double hz = 440, double amplitude = 0.5);

}  // namespace sa3::test
