// SPDX-License-Identifier: GPL-3.0-or-later
// Reading and writing audio files through the facade: every supported format, header-only
// info, and hostile files (garbage, truncated, empty).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>

#include "sa3/audio.h"
#include "test_signals.h"
#include "test_support.h"

namespace {

using sa3::test::TempDir;

struct FormatCase {
  const char* file;
  const char* format;
  int rate;
  int channels;
  bool lossless;
};

class AudioFormats : public ::testing::TestWithParam<FormatCase> {};

TEST_P(AudioFormats, WriteThenRead_KeepsRateChannelsAndLength) {
  const FormatCase fc = GetParam();
  TempDir dir;
  const auto path = dir / fc.file;
  const sa3::AudioBuffer written = sa3::test::sine(2.0, fc.rate, fc.channels, 440, 0.5);
  sa3::test::write_clip(path, written);

  const auto info = sa3::read_audio_info(path);
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->format, fc.format);
  EXPECT_EQ(info->sample_rate, fc.rate);
  EXPECT_EQ(info->channels, fc.channels);
  // Lossy codecs pad to their frame size; lossless ones keep every frame.
  EXPECT_NEAR(info->duration_s, 2.0, fc.lossless ? 1e-9 : 0.08);

  const auto decoded = sa3::decode_audio(path);
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->channels, fc.channels);
  float peak = 0;
  for (float x : decoded->samples) peak = std::max(peak, std::fabs(x));
  EXPECT_NEAR(peak, 0.5, fc.lossless ? 1e-3 : 0.15);  // lossy codecs overshoot at onsets
  if (fc.lossless) {
    ASSERT_EQ(decoded->samples.size(), written.samples.size());
    for (size_t i = 0; i < written.samples.size(); i += 997)
      EXPECT_NEAR(decoded->samples[i], written.samples[i], 1.0 / 16384) << "sample " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Formats, AudioFormats,
    ::testing::Values(FormatCase{"a.wav", "wav", 44100, 2, true}, FormatCase{"a.flac", "flac", 48000, 1, true},
                      FormatCase{"a.aiff", "aiff", 22050, 2, true}, FormatCase{"a.ogg", "ogg", 44100, 2, false},
                      FormatCase{"a.opus", "opus", 48000, 2, false}, FormatCase{"a.mp3", "mp3", 44100, 1, false}),
    [](const auto& info) { return std::string(info.param.format); });

TEST(AudioFile, Garbage_FailsNamingTheFile) {
  TempDir dir;
  sa3::test::write_text(dir / "noise.wav", std::string(4096, '\x7f'));
  const auto info = sa3::read_audio_info(dir / "noise.wav");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().kind, sa3::ErrorKind::InvalidInput);
  EXPECT_NE(info.error().message.find("noise.wav"), std::string::npos);
}

TEST(AudioFile, EmptyFile_FailsNamingTheFile) {
  TempDir dir;
  sa3::test::write_text(dir / "empty.flac", "");
  const auto decoded = sa3::decode_audio(dir / "empty.flac");
  ASSERT_FALSE(decoded);
  EXPECT_NE(decoded.error().message.find("empty.flac"), std::string::npos);
}

TEST(AudioFile, TruncatedWav_DecodesWhatIsThere) {
  TempDir dir;
  sa3::test::write_clip(dir / "full.wav", sa3::test::sine(1.0, 8000, 1, 100, 0.5));
  const std::string bytes = sa3::test::read_text(dir / "full.wav");
  sa3::test::write_text(dir / "cut.wav", bytes.substr(0, 44 + 8000));  // header + 4000 frames
  const auto decoded = sa3::decode_audio(dir / "cut.wav");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->frames(), 4000);
}

TEST(AudioFile, MissingFile_FailsNamingTheFile) {
  const auto info = sa3::read_audio_info("/nonexistent/clip.wav");
  ASSERT_FALSE(info);
  EXPECT_NE(info.error().message.find("/nonexistent/clip.wav"), std::string::npos);
}

// Corrupt headers and payloads, as a damaged download or a half-copied file would have them:
// each decode either succeeds or fails with a message; none may crash or hang.
TEST(AudioFile, MutatedFiles_DecodeOrFailCleanly) {
  TempDir dir;
  std::mt19937 gen(1234);
  for (const char* name : {"m.wav", "m.flac", "m.ogg", "m.mp3", "m.aiff"}) {
    sa3::test::write_clip(dir / name, sa3::test::noise(0.5, 22050, 2, 0.5, 7));
    const std::string original = sa3::test::read_text(dir / name);
    for (int variant = 0; variant < 40; ++variant) {
      std::string bytes = original;
      // Early variants hit the header, later ones anywhere in the file.
      const size_t span = variant < 20 ? std::min<size_t>(bytes.size(), 128) : bytes.size();
      for (int k = 0; k < 1 + variant % 8; ++k) bytes[gen() % span] = char(gen());
      const auto mutated = dir / (std::to_string(variant) + name);
      sa3::test::write_text(mutated, bytes);
      const auto decoded = sa3::decode_audio(mutated);
      if (!decoded) {
        EXPECT_NE(decoded.error().message.find(mutated.filename().string()), std::string::npos);
      } else {  // a damaged header may still parse, with odd but consistent values
        EXPECT_GT(decoded->sample_rate, 0);
        ASSERT_GT(decoded->channels, 0);
        EXPECT_EQ(decoded->samples.size() % size_t(decoded->channels), 0u);
      }
    }
  }
}

TEST(AudioWriter, UnknownExtension_FailsNamingIt) {
  TempDir dir;
  const auto s = sa3::write_audio(dir / "clip.xyz", sa3::test::sine(0.1, 8000, 1, 100, 0.5));
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find(".xyz"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "clip.xyz"));
}

TEST(Resample, SineAt48k_To16kKeepsDurationAndLevel) {
  const auto in = sa3::test::sine(1.0, 48000, 2, 1000, 0.5);
  const auto out = sa3::resample(in, 16000);
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(out->sample_rate, 16000);
  EXPECT_EQ(out->channels, 2);
  EXPECT_NEAR(double(out->frames()), 16000.0, 2.0);
  const auto reference = sa3::test::sine(1.0, 16000, 2, 1000, 0.5);
  // Compare away from the edges, where the filter's start-up transient lives.
  double max_err = 0;
  for (int64_t f = 200; f < 15800; ++f)
    max_err = std::max(max_err, double(std::fabs(out->samples[size_t(2 * f)] - reference.samples[size_t(2 * f)])));
  EXPECT_LT(max_err, 0.01);
}

TEST(Resample, NonPositiveRate_Fails) {
  EXPECT_FALSE(sa3::resample(sa3::test::sine(0.1, 8000, 1, 100, 0.5), 0));
}

}  // namespace
