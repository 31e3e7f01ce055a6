// SPDX-License-Identifier: GPL-3.0-or-later
// analyse_clip / analyse_clips: hash, levels, loudness, silence, waveform, errors, threads.
#include <gtest/gtest.h>

#include <set>

#include "base/sha256.h"
#include "dataset/clip_analysis.h"
#include "sa3/dataset.h"
#include "test_signals.h"
#include "test_support.h"

namespace {

using sa3::test::TempDir;
using sa3::test::write_clip;

sa3::DatasetScan scan(const TempDir& dir) {
  sa3::JobControl job;
  auto s = sa3::scan_dataset(dir.path(), job);
  if (!s) throw std::runtime_error(s.error().message);
  return *s;
}

TEST(ClipQc, SineWithSilentStart_MeasuresEverything) {
  TempDir dir;
  write_clip(dir / "tone.flac",
             sa3::test::concat(sa3::test::silence(1.25, 48000, 2), sa3::test::sine(3.0, 48000, 2, 1000, 0.5)));
  const auto ds = scan(dir);
  const auto qc = sa3::analyse_clip(ds.clips.at(0));
  ASSERT_TRUE(qc) << qc.error().message;
  EXPECT_TRUE(qc->decode_error.empty());
  EXPECT_EQ(qc->content_hash, sa3::sha256_file_hex(dir / "tone.flac"));
  EXPECT_EQ(qc->decoded_frames, int64_t(4.25 * 48000));
  EXPECT_NEAR(qc->peak_dbfs, -6.02, 0.05);
  EXPECT_NEAR(qc->leading_silence_s, 1.25, 0.01);
  EXPECT_NEAR(qc->trailing_silence_s, 0.0, 0.01);
  EXPECT_EQ(qc->clipped_samples, 0);
  // Stereo 1 kHz sine at -6 dBFS reads about -6 LUFS; the silent start is gated out.
  EXPECT_NEAR(qc->loudness_lufs, -6.02, 0.3);
  ASSERT_EQ(qc->waveform_min.size(), sa3::kWaveformBins);
  ASSERT_EQ(qc->waveform_max.size(), sa3::kWaveformBins);
  EXPECT_FLOAT_EQ(qc->waveform_max[10], 0.0f);    // inside the silent start
  EXPECT_NEAR(qc->waveform_max[900], 0.5, 0.01);  // inside the tone
}

TEST(ClipQc, StreamedLargeFile_GivesTheSameQcAsInMemory) {
  TempDir dir;
  write_clip(dir / "noise.flac", sa3::test::noise(2.0, 44100, 2, 0.7, 5));
  const auto in_memory = sa3::dataset::analyse_clip_file(dir / "noise.flac");
  const auto streamed = sa3::dataset::analyse_clip_file(dir / "noise.flac", 0);
  ASSERT_TRUE(streamed.decode_error.empty()) << streamed.decode_error;
  EXPECT_EQ(streamed.content_hash, in_memory.content_hash);
  EXPECT_EQ(streamed.decoded_frames, in_memory.decoded_frames);
  EXPECT_EQ(streamed.peak, in_memory.peak);
  EXPECT_EQ(streamed.loudness_lufs, in_memory.loudness_lufs);
  EXPECT_EQ(streamed.waveform_max, in_memory.waveform_max);
}

TEST(ClipQc, UndecodableFile_ReportsDecodeErrorNotFailure) {
  TempDir dir;
  sa3::test::write_text(dir / "bad.mp3", std::string(2000, '\0'));
  sa3::Clip clip;
  clip.audio_path = dir / "bad.mp3";
  const auto qc = sa3::analyse_clip(clip);
  ASSERT_TRUE(qc);
  EXPECT_NE(qc->decode_error.find("bad.mp3"), std::string::npos);
  EXPECT_FALSE(qc->content_hash.empty());
}

TEST(ClipQc, MoreChannelsThanLoudnessTakes_IsThatClipsErrorOnly) {
  TempDir dir;
  write_clip(dir / "many.wav", sa3::test::noise(0.5, 8000, 80, 0.3, 1));
  write_clip(dir / "ok.wav", sa3::test::noise(0.5, 8000, 1, 0.3, 2));
  auto ds = scan(dir);
  sa3::JobControl job;
  ASSERT_TRUE(sa3::analyse_clips(ds.clips, {}, job));
  EXPECT_NE(ds.clips[0].qc->decode_error.find("80 channels"), std::string::npos) << ds.clips[0].qc->decode_error;
  EXPECT_TRUE(ds.clips[1].qc->decode_error.empty());
}

TEST(ClipQc, ManyClipsOnThreads_EveryClipAnalysedOnce) {
  TempDir dir;
  for (int i = 0; i < 12; ++i)
    write_clip(dir / ("n" + std::to_string(i) + (i % 2 ? ".wav" : ".flac")),
               sa3::test::noise(0.5, 16000, 1 + i % 2, 0.3, uint32_t(i)));
  auto ds = scan(dir);
  sa3::JobControl job;
  std::multiset<size_t> reported;
  double last_done = 0;
  job.on_progress = [&](double done, double, const std::string&) { last_done = done; };
  const auto status = sa3::analyse_clips(ds.clips, {.threads = 3}, job,
                                         [&](size_t i, const sa3::ClipQc& qc) {
                                           EXPECT_FALSE(qc.content_hash.empty());
                                           reported.insert(i);
                                         });
  ASSERT_TRUE(status) << status.error().message;
  EXPECT_EQ(reported.size(), 12u);
  for (size_t i = 0; i < 12; ++i) {
    EXPECT_EQ(reported.count(i), 1u);
    ASSERT_TRUE(ds.clips[i].qc.has_value());
    EXPECT_EQ(ds.clips[i].qc->content_hash, sa3::sha256_file_hex(ds.clips[i].audio_path));
  }
  EXPECT_EQ(last_done, 12);
}

TEST(ClipQc, CancelledFromCallback_StopsAndReportsCancelled) {
  TempDir dir;
  for (int i = 0; i < 20; ++i) write_clip(dir / ("c" + std::to_string(i) + ".wav"), sa3::test::noise(0.2, 8000, 1, 0.3, 1));
  auto ds = scan(dir);
  sa3::JobControl job;
  size_t seen = 0;
  const auto status = sa3::analyse_clips(ds.clips, {.threads = 2}, job, [&](size_t, const sa3::ClipQc&) {
    if (++seen == 3) job.cancel();
  });
  ASSERT_FALSE(status);
  EXPECT_TRUE(status.error().cancelled());
  EXPECT_LT(seen, 20u);
}

}  // namespace
