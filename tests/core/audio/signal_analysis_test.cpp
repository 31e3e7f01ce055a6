// SPDX-License-Identifier: GPL-3.0-or-later
// Loudness, levels, silence and waveform thumbnails on signals with known answers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "audio/signal_stats.h"
#include "audio/waveform.h"
#include "sa3/audio.h"
#include "test_signals.h"

namespace {

TEST(Loudness, MonoSineAtHalfScale_ReadsMinus9Lufs) {
  // EBU Tech 3341: a 1 kHz sine at 0 dBFS on one channel reads -3.01 LUFS; 0.5 is 6.02 dB lower.
  const auto lufs = sa3::integrated_loudness(sa3::test::sine(5.0, 48000, 1, 1000, 0.5));
  ASSERT_TRUE(lufs) << lufs.error().message;
  EXPECT_NEAR(*lufs, -9.03, 0.2);
}

TEST(Loudness, Silence_ReadsFloor) {
  const auto lufs = sa3::integrated_loudness(sa3::test::silence(2.0, 44100, 2));
  ASSERT_TRUE(lufs);
  EXPECT_EQ(*lufs, -120.0);
}

TEST(SignalStats, SineWithSilentEdges_MeasuresPeakRmsAndSilence) {
  const auto clip = sa3::test::concat(
      sa3::test::concat(sa3::test::silence(1.5, 8000, 2), sa3::test::sine(2.0, 8000, 2, 200, 0.5)),
      sa3::test::silence(0.5, 8000, 2));
  sa3::audio::SignalStats stats(2, 0.999, 0.001);
  stats.add(clip.samples.data(), clip.frames());
  const auto s = stats.finish(8000);
  EXPECT_EQ(s.frames, 32000);
  EXPECT_NEAR(s.peak, 0.5, 1e-3);
  EXPECT_NEAR(s.peak_dbfs, -6.02, 0.02);
  // RMS of the sine is 0.5/√2 over half of the clip's length.
  EXPECT_NEAR(s.rms_dbfs, 20 * std::log10(0.5 / std::sqrt(2.0) * std::sqrt(0.5)), 0.05);
  EXPECT_EQ(s.clipped_samples, 0);
  EXPECT_NEAR(s.leading_silence_s, 1.5, 1e-3);
  EXPECT_NEAR(s.trailing_silence_s, 0.5, 1e-3);
}

TEST(SignalStats, ClippedSine_CountsClippedSamples) {
  const auto clip = sa3::test::clipped_sine(1.0, 8000, 1, 100);
  sa3::audio::SignalStats stats(1, 0.999, 0.001);
  stats.add(clip.samples.data(), clip.frames());
  const auto s = stats.finish(8000);
  int64_t expected = 0;
  for (float x : clip.samples) expected += std::fabs(x) >= 0.999f;
  EXPECT_GT(expected, 4000);  // amplitude 4 spends most of the time above full scale
  EXPECT_EQ(s.clipped_samples, expected);
}

TEST(SignalStats, AllSilent_SilenceSpansTheClip) {
  const auto clip = sa3::test::silence(3.0, 8000, 1);
  sa3::audio::SignalStats stats(1, 0.999, 0.001);
  stats.add(clip.samples.data(), clip.frames());
  const auto s = stats.finish(8000);
  EXPECT_EQ(s.peak_dbfs, -120);
  EXPECT_NEAR(s.leading_silence_s, 3.0, 1e-9);
  EXPECT_NEAR(s.trailing_silence_s, 3.0, 1e-9);
}

TEST(WaveformPeaks, HalfPositiveHalfNegative_BinsFollowTheSignal) {
  sa3::AudioBuffer a;
  a.sample_rate = 1000;
  a.channels = 2;
  a.samples.assign(2 * 8000, 0.0f);
  for (size_t f = 0; f < 8000; ++f) {
    a.samples[2 * f] = f < 4000 ? 0.5f : -0.25f;
    a.samples[2 * f + 1] = f < 4000 ? 0.1f : -0.75f;
  }
  const auto peaks = sa3::waveform_peaks(a, 100);
  ASSERT_EQ(peaks.min.size(), 100u);
  ASSERT_EQ(peaks.max.size(), 100u);
  EXPECT_FLOAT_EQ(peaks.max[10], 0.5f);
  EXPECT_FLOAT_EQ(peaks.min[10], 0.0f);  // bins include zero: both channels are positive here
  EXPECT_FLOAT_EQ(peaks.min[90], -0.75f);
  EXPECT_FLOAT_EQ(peaks.max[90], 0.0f);
}

TEST(WaveformBuilder, LengthUnknownUpFront_StillEvenBins) {
  // A header that gives no length (hint 0) forces many merges of the fine blocks.
  sa3::audio::WaveformBuilder builder(1, 0, 10);
  std::vector<float> block(1000);
  for (int b = 0; b < 100; ++b) {
    std::fill(block.begin(), block.end(), b < 50 ? 0.5f : -0.5f);
    builder.add(block.data(), 1000);
  }
  const auto peaks = builder.finish();
  ASSERT_EQ(peaks.max.size(), 10u);
  // Bins group whole fine blocks (here 1024 frames), so bin 4 may reach just past the step.
  EXPECT_FLOAT_EQ(peaks.max[4], 0.5f);
  for (size_t i = 0; i < 10; ++i) {
    if (i == 4) continue;
    EXPECT_FLOAT_EQ(peaks.max[i], i < 5 ? 0.5f : 0.0f) << "bin " << i;
    EXPECT_FLOAT_EQ(peaks.min[i], i < 5 ? 0.0f : -0.5f) << "bin " << i;
  }
}

TEST(WaveformPeaks, FewerFramesThanBins_OneBinPerFrame) {
  const auto peaks = sa3::waveform_peaks(sa3::test::sine(0.01, 1000, 1, 50, 1.0), 100);
  EXPECT_EQ(peaks.min.size(), 10u);
}

}  // namespace
