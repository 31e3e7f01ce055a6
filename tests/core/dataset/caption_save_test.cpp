// SPDX-License-Identifier: GPL-3.0-or-later
// save_caption(): atomic, touches only the sibling .txt, refuses what is not UTF-8.
#include <gtest/gtest.h>

#include <map>

#include "sa3/dataset.h"
#include "test_signals.h"
#include "test_support.h"

namespace {

using sa3::test::TempDir;
namespace fs = std::filesystem;

std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) files[e.path().lexically_relative(root).string()] = sa3::test::read_text(e.path());
  return files;
}

sa3::Clip first_clip(const TempDir& dir) {
  sa3::JobControl job;
  auto scan = sa3::scan_dataset(dir.path(), job);
  if (!scan || scan->clips.empty()) throw std::runtime_error("scan failed");
  return scan->clips[0];
}

TEST(SaveCaption, ExistingCaption_ReplacesOnlyTheTxt) {
  TempDir dir;
  sa3::test::write_clip(dir / "loop.wav", sa3::test::sine(1.0, 8000, 1, 100, 0.5));
  sa3::test::write_text(dir / "loop.txt", "old caption");
  sa3::test::write_text(dir / "other.txt", "unrelated");
  auto before = snapshot(dir.path());

  ASSERT_TRUE(sa3::save_caption(first_clip(dir), "new caption, 120 bpm"));
  auto after = snapshot(dir.path());
  EXPECT_EQ(after["loop.txt"], "new caption, 120 bpm");
  before.erase("loop.txt");
  after.erase("loop.txt");
  EXPECT_EQ(before, after);  // no temp files left, nothing else changed
}

TEST(SaveCaption, NoCaptionYet_CreatesIt) {
  TempDir dir;
  sa3::test::write_clip(dir / "sub" / "hit.flac", sa3::test::sine(1.0, 8000, 1, 100, 0.5));
  ASSERT_TRUE(sa3::save_caption(first_clip(dir), "metal hit"));
  EXPECT_EQ(sa3::test::read_text(dir / "sub" / "hit.txt"), "metal hit");
}

TEST(SaveCaption, NonUtf8Text_IsRefusedAndFileKept) {
  TempDir dir;
  sa3::test::write_clip(dir / "loop.wav", sa3::test::sine(1.0, 8000, 1, 100, 0.5));
  sa3::test::write_text(dir / "loop.txt", "keep me");
  const auto s = sa3::save_caption(first_clip(dir), "bad \xff byte");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(sa3::test::read_text(dir / "loop.txt"), "keep me");
}

TEST(SaveCaption, CaptionPathNotTheSibling_IsRefused) {
  TempDir dir;
  sa3::test::write_clip(dir / "loop.wav", sa3::test::sine(1.0, 8000, 1, 100, 0.5));
  sa3::Clip clip = first_clip(dir);
  clip.caption_path = clip.audio_path;  // would overwrite the audio
  ASSERT_FALSE(sa3::save_caption(clip, "oops"));
  EXPECT_TRUE(sa3::read_audio_info(dir / "loop.wav"));
}

}  // namespace
