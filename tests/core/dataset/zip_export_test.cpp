// SPDX-License-Identifier: GPL-3.0-or-later
// export_zip / import_zip: the fal zip layout (flat, unique names, excluded clips left out)
// and a round trip back into a folder.
#include <gtest/gtest.h>
#include <zip.h>

#include <set>

#include "sa3/dataset.h"
#include "test_signals.h"
#include "test_support.h"

namespace {

using sa3::test::TempDir;
using sa3::test::write_clip;
using sa3::test::write_text;
namespace fs = std::filesystem;

std::set<std::string> entry_names(const fs::path& zip_path) {
  int err = 0;
  zip_t* za = zip_open(zip_path.c_str(), ZIP_RDONLY, &err);
  if (!za) throw std::runtime_error("cannot open " + zip_path.string());
  std::set<std::string> names;
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) names.insert(zip_get_name(za, zip_uint64_t(i), 0));
  zip_discard(za);
  return names;
}

sa3::DatasetScan make_dataset(const TempDir& dir) {
  write_clip(dir / "kick.wav", sa3::test::sine(1.0, 44100, 2, 60, 0.8));
  write_text(dir / "kick.txt", "kick drum");
  write_clip(dir / "a" / "loop.flac", sa3::test::noise(1.0, 48000, 1, 0.3, 1));
  write_text(dir / "a" / "loop.txt", "loop one");
  write_clip(dir / "b" / "loop.flac", sa3::test::noise(1.0, 48000, 1, 0.3, 2));
  write_text(dir / "b" / "loop.txt", "loop two");
  write_clip(dir / "c" / "Loop.wav", sa3::test::noise(1.0, 22050, 1, 0.3, 3));
  write_text(dir / "c" / "Loop.txt", "loop three");
  write_clip(dir / "skip.wav", sa3::test::sine(1.0, 8000, 1, 100, 0.5));
  write_text(dir / "skip.txt", "excluded");
  sa3::JobControl job;
  auto scan = sa3::scan_dataset(dir.path(), job);
  if (!scan) throw std::runtime_error(scan.error().message);
  return *scan;
}

TEST(ZipExport, NestedDataset_WritesFlatUniqueNamesWithoutExcluded) {
  TempDir dir, out;
  const auto ds = make_dataset(dir);
  sa3::DatasetState state;
  state.excluded = {"skip.wav"};
  sa3::JobControl job;
  const auto report = sa3::export_zip(ds.clips, state, out / "data.zip", job);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->clips, 4u);
  EXPECT_EQ(report->captions, 4u);
  const std::set<std::string> expected = {"kick.wav", "kick.txt",     "loop.flac", "loop.txt",
                                          "loop-2.flac", "loop-2.txt", "Loop-3.wav", "Loop-3.txt"};
  EXPECT_EQ(entry_names(out / "data.zip"), expected);
  EXPECT_EQ(report->names.at("b/loop.flac"), "loop-2.flac");
  // No partial file is left next to the zip.
  EXPECT_EQ(std::distance(fs::directory_iterator(out.path()), fs::directory_iterator()), 1);
}

TEST(ZipExport, RoundTrip_ImportGivesTheSameClipsAndCaptions) {
  TempDir dir, out, dest;
  const auto ds = make_dataset(dir);
  sa3::JobControl job;
  ASSERT_TRUE(sa3::export_zip(ds.clips, {}, out / "data.zip", job));
  const auto imported = sa3::import_zip(out / "data.zip", dest / "imported", job);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->written.size(), 10u);
  EXPECT_EQ(sa3::test::read_text(dest / "imported" / "loop-2.txt"), "loop two");
  EXPECT_EQ(sa3::test::read_text(dest / "imported" / "loop-2.flac"), sa3::test::read_text(dir / "b" / "loop.flac"));

  const auto rescanned = sa3::scan_dataset(dest / "imported", job);
  ASSERT_TRUE(rescanned);
  EXPECT_EQ(rescanned->clips.size(), 5u);
  for (const auto& c : rescanned->clips) {
    EXPECT_TRUE(c.has_caption) << c.id;
    EXPECT_TRUE(c.header_error.empty()) << c.id;
  }
}

TEST(ZipExport, CancelledJob_LeavesNoFile) {
  TempDir dir, out;
  const auto ds = make_dataset(dir);
  sa3::JobControl job;
  job.cancel();
  const auto report = sa3::export_zip(ds.clips, {}, out / "data.zip", job);
  ASSERT_FALSE(report);
  EXPECT_TRUE(report.error().cancelled());
  EXPECT_TRUE(fs::is_empty(out.path()));
}

TEST(ZipExport, UnwritableDestination_FailsNamingIt) {
  TempDir dir;
  const auto ds = make_dataset(dir);
  sa3::JobControl job;
  const auto report = sa3::export_zip(ds.clips, {}, "/nonexistent/folder/data.zip", job);
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("/nonexistent/folder/data.zip"), std::string::npos);
}

}  // namespace
