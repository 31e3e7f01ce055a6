// SPDX-License-Identifier: GPL-3.0-or-later
// Scan, QC and lint together on real generated audio: each QC rule fires on the clip that has
// the problem and on no other.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "sa3/dataset.h"
#include "test_signals.h"
#include "test_support.h"

namespace {

using sa3::test::TempDir;
using sa3::test::write_clip;
using sa3::test::write_text;

std::map<std::string, std::set<std::string>> rules_by_clip(const std::vector<sa3::Issue>& issues) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& i : issues) out[i.clip].insert(i.rule);
  return out;
}

TEST(DatasetPipeline, GeneratedProblemClips_EachGetsItsRule) {
  TempDir dir;
  write_clip(dir / "clean.flac", sa3::test::noise(3.0, 48000, 2, 0.4, 1));
  write_text(dir / "clean.txt", "clean noise");
  write_clip(dir / "loud.wav", sa3::test::clipped_sine(3.0, 44100, 2, 110));
  write_text(dir / "loud.txt", "distorted bass");
  write_clip(dir / "quiet.ogg", sa3::test::silence(3.0, 44100, 1));
  write_text(dir / "quiet.txt", "room tone");
  write_clip(dir / "gap.wav",
             sa3::test::concat(sa3::test::silence(2.0, 22050, 1), sa3::test::sine(2.0, 22050, 1, 440, 0.5)));
  write_text(dir / "gap.txt", "late beep");
  write_clip(dir / "sub" / "copy.flac", sa3::test::noise(3.0, 48000, 2, 0.4, 1));  // same samples as clean.flac
  write_text(dir / "sub" / "copy.txt", "copied noise");
  write_clip(dir / "blip.aiff", sa3::test::sine(0.4, 16000, 1, 1000, 0.5));
  write_text(dir / "blip.txt", "short blip");

  sa3::JobControl job;
  auto scan = sa3::scan_dataset(dir.path(), job);
  ASSERT_TRUE(scan) << scan.error().message;
  ASSERT_EQ(scan->clips.size(), 6u);
  ASSERT_TRUE(sa3::analyse_clips(scan->clips, {}, job));
  const auto rules = rules_by_clip(sa3::lint(scan->clips, {}, {}));

  // The copy is the same file byte for byte, so the two report each other and nothing else.
  EXPECT_EQ(rules.at("clean.flac"), std::set<std::string>{"audio-duplicate"});
  EXPECT_EQ(rules.at("sub/copy.flac"), std::set<std::string>{"audio-duplicate"});
  EXPECT_EQ(rules.at("loud.wav"), std::set<std::string>{"clipping"});
  EXPECT_EQ(rules.at("quiet.ogg"), std::set<std::string>{"silent"});
  EXPECT_EQ(rules.at("gap.wav"), std::set<std::string>{"silence-edges"});
  EXPECT_EQ(rules.at("blip.aiff"), std::set<std::string>{"too-short"});
  EXPECT_EQ(rules.size(), 6u);  // no dataset-wide issue: six clips are within fal's limits
}

}  // namespace
