// SPDX-License-Identifier: GPL-3.0-or-later
// The magnitude spectrogram on a sine centred on an FFT bin.
#include <gtest/gtest.h>

#include <algorithm>

#include "sa3/audio.h"
#include "test_signals.h"

namespace {

TEST(Spectrogram, SineOnBinCentre_PeaksThereAtAboutFullScale) {
  // 16 kHz / 1024 points = 15.625 Hz per bin, so 1000 Hz is exactly bin 64.
  const auto audio = sa3::test::sine(1.0, 16000, 2, 1000, 1.0);
  const auto spec = sa3::spectrogram(audio, {.fft_size = 1024, .hop = 256});
  ASSERT_TRUE(spec) << spec.error().message;
  EXPECT_EQ(spec->bins, 513u);
  EXPECT_EQ(spec->frames, 63u);  // ceil(16000 / 256)
  ASSERT_EQ(spec->db.size(), spec->frames * spec->bins);
  const float* middle = spec->db.data() + 30 * spec->bins;
  const size_t argmax = size_t(std::max_element(middle, middle + spec->bins) - middle);
  EXPECT_EQ(argmax, 64u);
  EXPECT_NEAR(middle[64], 0.0, 0.5);
  EXPECT_LT(middle[200], -60.0);
}

TEST(Spectrogram, FftSizeNotPowerOfTwo_FailsNamingIt) {
  const auto spec = sa3::spectrogram(sa3::test::sine(0.1, 8000, 1, 100, 1.0), {.fft_size = 1000});
  ASSERT_FALSE(spec);
  EXPECT_NE(spec.error().message.find("fft_size"), std::string::npos);
}

}  // namespace
