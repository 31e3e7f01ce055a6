// SPDX-License-Identifier: GPL-3.0-or-later
// summarise(): counts, durations, histogram and mixes for the stats panel.
#include <gtest/gtest.h>

#include "sa3/dataset.h"

namespace {

sa3::Clip clip(const std::string& id, double seconds, int rate, int channels, const std::string& format) {
  sa3::Clip c;
  c.id = id;
  c.duration_s = seconds;
  c.sample_rate = rate;
  c.channels = channels;
  c.format = format;
  return c;
}

TEST(Summary, MixedClips_CountsDurationsAndMixes) {
  std::vector<sa3::Clip> clips = {clip("a", 0.5, 44100, 2, "wav"), clip("b", 12, 48000, 1, "flac"),
                                  clip("c", 25, 48000, 2, "flac"), clip("d", 400, 44100, 2, "mp3"),
                                  clip("e", 7, 44100, 2, "wav")};
  sa3::DatasetState state;
  state.excluded = {"e"};
  const auto s = sa3::summarise(clips, state);
  EXPECT_EQ(s.clip_count, 4u);
  EXPECT_EQ(s.excluded_count, 1u);
  EXPECT_DOUBLE_EQ(s.total_duration_s, 437.5);
  EXPECT_DOUBLE_EQ(s.min_duration_s, 0.5);
  EXPECT_DOUBLE_EQ(s.max_duration_s, 400);
  ASSERT_EQ(s.duration_histogram.size(), 8u);
  EXPECT_EQ(s.duration_histogram[0].count, 1u);  // 0-1 s
  EXPECT_EQ(s.duration_histogram[3].count, 2u);  // 10-30 s
  EXPECT_EQ(s.duration_histogram[7].count, 1u);  // 380 s and up
  EXPECT_EQ(s.sample_rates.at(48000), 2u);
  EXPECT_EQ(s.sample_rates.at(44100), 2u);
  EXPECT_EQ(s.channel_counts.at(1), 1u);
  EXPECT_EQ(s.formats.at("flac"), 2u);
}

TEST(Summary, HeaderErrors_CountedButNotMeasured) {
  std::vector<sa3::Clip> clips = {clip("a", 10, 44100, 2, "wav"), clip("b", 0, 0, 0, "")};
  clips[1].header_error = "b: cannot open audio";
  const auto s = sa3::summarise(clips, {});
  EXPECT_EQ(s.clip_count, 2u);
  EXPECT_DOUBLE_EQ(s.total_duration_s, 10);
  EXPECT_EQ(s.sample_rates.size(), 1u);
}

}  // namespace
