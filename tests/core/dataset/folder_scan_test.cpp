// SPDX-License-Identifier: GPL-3.0-or-later
// scan_dataset / scan_clip: nested folders, sibling captions, ignored files, header errors.
#include <gtest/gtest.h>

#include "sa3/dataset.h"
#include "test_signals.h"
#include "test_support.h"

namespace {

using sa3::test::TempDir;
using sa3::test::write_clip;
using sa3::test::write_text;

const sa3::Clip* find(const sa3::DatasetScan& scan, const std::string& id) {
  for (const auto& c : scan.clips)
    if (c.id == id) return &c;
  return nullptr;
}

TEST(FolderScan, NestedFolder_FindsClipsWithSiblingCaptions) {
  TempDir dir;
  write_clip(dir / "kick.wav", sa3::test::sine(1.0, 44100, 2, 60, 0.8));
  write_text(dir / "kick.txt", "punchy kick");
  write_clip(dir / "pads" / "warm.flac", sa3::test::sine(2.5, 48000, 1, 220, 0.3));
  write_text(dir / "pads" / "warm.txt", "warm pad");
  write_clip(dir / "pads" / "deep" / "bass.ogg", sa3::test::sine(1.5, 22050, 2, 55, 0.5));
  write_text(dir / "notes.md", "not audio");
  write_clip(dir / ".sa3studio" / "cache.wav", sa3::test::sine(0.5, 8000, 1, 100, 0.5));
  write_clip(dir / "._kick.wav", sa3::test::sine(0.5, 8000, 1, 100, 0.5));

  sa3::JobControl job;
  const auto scan = sa3::scan_dataset(dir.path(), job);
  ASSERT_TRUE(scan) << scan.error().message;
  ASSERT_EQ(scan->clips.size(), 3u);
  EXPECT_EQ(scan->clips[0].id, "kick.wav");
  EXPECT_EQ(scan->clips[1].id, "pads/deep/bass.ogg");
  EXPECT_EQ(scan->clips[2].id, "pads/warm.flac");

  const sa3::Clip* warm = find(*scan, "pads/warm.flac");
  ASSERT_NE(warm, nullptr);
  EXPECT_EQ(warm->name, "warm.flac");
  EXPECT_TRUE(warm->has_caption);
  EXPECT_EQ(warm->caption, "warm pad");
  EXPECT_EQ(warm->caption_path, scan->root / "pads" / "warm.txt");
  EXPECT_EQ(warm->format, "flac");
  EXPECT_EQ(warm->sample_rate, 48000);
  EXPECT_EQ(warm->channels, 1);
  EXPECT_EQ(warm->frames, 120000);
  EXPECT_NEAR(warm->duration_s, 2.5, 1e-9);
  EXPECT_GT(warm->file_size, 0u);
  EXPECT_FALSE(warm->qc.has_value());

  const sa3::Clip* bass = find(*scan, "pads/deep/bass.ogg");
  ASSERT_NE(bass, nullptr);
  EXPECT_FALSE(bass->has_caption);
  EXPECT_EQ(bass->format, "ogg");
}

TEST(FolderScan, CorruptAudio_KeepsTheClipWithHeaderError) {
  TempDir dir;
  write_text(dir / "broken.wav", "RIFF this is not a wave file at all");
  write_text(dir / "broken.txt", "a caption");
  sa3::JobControl job;
  const auto scan = sa3::scan_dataset(dir.path(), job);
  ASSERT_TRUE(scan) << scan.error().message;
  ASSERT_EQ(scan->clips.size(), 1u);
  EXPECT_NE(scan->clips[0].header_error.find("broken.wav"), std::string::npos);
  EXPECT_EQ(scan->clips[0].caption, "a caption");
}

TEST(FolderScan, NonUtf8Caption_IsFlagged) {
  TempDir dir;
  write_clip(dir / "a.wav", sa3::test::sine(1.0, 8000, 1, 100, 0.5));
  write_text(dir / "a.txt", "caf\xe9");  // Latin-1
  sa3::JobControl job;
  const auto scan = sa3::scan_dataset(dir.path(), job);
  ASSERT_TRUE(scan);
  EXPECT_FALSE(scan->clips[0].caption_utf8);
}

TEST(FolderScan, MissingFolder_FailsNamingIt) {
  sa3::JobControl job;
  const auto scan = sa3::scan_dataset("/nonexistent/dataset", job);
  ASSERT_FALSE(scan);
  EXPECT_EQ(scan.error().kind, sa3::ErrorKind::InvalidInput);
  EXPECT_NE(scan.error().message.find("/nonexistent/dataset"), std::string::npos);
}

TEST(FolderScan, CancelledJob_ReportsCancelled) {
  TempDir dir;
  for (int i = 0; i < 3; ++i) write_clip(dir / ("c" + std::to_string(i) + ".wav"), sa3::test::silence(0.1, 8000, 1));
  sa3::JobControl job;
  job.cancel();
  const auto scan = sa3::scan_dataset(dir.path(), job);
  ASSERT_FALSE(scan);
  EXPECT_TRUE(scan.error().cancelled());
}

TEST(FolderScan, Progress_CountsEveryClip) {
  TempDir dir;
  for (int i = 0; i < 5; ++i) write_clip(dir / ("c" + std::to_string(i) + ".wav"), sa3::test::silence(0.1, 8000, 1));
  sa3::JobControl job;
  double last_done = 0, last_total = 0;
  job.on_progress = [&](double done, double total, const std::string&) {
    last_done = done;
    last_total = total;
  };
  ASSERT_TRUE(sa3::scan_dataset(dir.path(), job));
  EXPECT_EQ(last_done, 5);
  EXPECT_EQ(last_total, 5);
}

TEST(ScanClip, FileInsideRoot_GetsRelativeId) {
  TempDir dir;
  write_clip(dir / "sub" / "x.aiff", sa3::test::sine(1.0, 8000, 1, 100, 0.5));
  const auto clip = sa3::scan_clip(dir.path(), dir / "sub" / "x.aiff");
  ASSERT_TRUE(clip) << clip.error().message;
  EXPECT_EQ(clip->id, "sub/x.aiff");
  EXPECT_EQ(clip->format, "aiff");
}

TEST(ScanClip, FileOutsideRoot_Fails) {
  TempDir root, other;
  write_clip(other / "x.wav", sa3::test::sine(1.0, 8000, 1, 100, 0.5));
  const auto clip = sa3::scan_clip(root.path(), other / "x.wav");
  ASSERT_FALSE(clip);
  EXPECT_NE(clip.error().message.find("not inside"), std::string::npos);
}

}  // namespace
