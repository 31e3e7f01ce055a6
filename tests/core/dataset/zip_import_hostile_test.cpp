// SPDX-License-Identifier: GPL-3.0-or-later
// import_zip on hostile archives built here with libzip: every one is refused before a single
// file is written, with a message naming the archive or entry.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zip.h>

#include <string>
#include <vector>

#include "sa3/dataset.h"
#include "test_support.h"

namespace {

using sa3::test::TempDir;
namespace fs = std::filesystem;

struct ZipEntry {
  std::string name;
  std::string data;
  bool symlink = false;
};

// Builds a zip with exactly these entry names (libzip stores them verbatim).
void build_zip(const fs::path& path, const std::vector<ZipEntry>& entries) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(za, nullptr);
  for (const auto& e : entries) {
    // The source borrows the bytes until zip_close; the entries vector outlives it.
    zip_source_t* src = zip_source_buffer(za, e.data.data(), e.data.size(), 0);
    const zip_int64_t index = zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_RAW);
    ASSERT_GE(index, 0) << zip_strerror(za);
    zip_set_file_compression(za, zip_uint64_t(index), ZIP_CM_STORE, 0);  // raw bytes, so tests can corrupt them
    if (e.symlink)
      zip_file_set_external_attributes(za, zip_uint64_t(index), 0, ZIP_OPSYS_UNIX, zip_uint32_t(S_IFLNK | 0777) << 16);
  }
  ASSERT_EQ(zip_close(za), 0);
}

sa3::Result<sa3::ImportReport> import(const fs::path& zip, const fs::path& dest, sa3::ImportLimits limits = {}) {
  sa3::JobControl job;
  return sa3::import_zip(zip, dest, job, limits);
}

size_t files_under(const fs::path& root) {
  if (!fs::exists(root)) return 0;
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) n += e.is_regular_file();
  return n;
}

class HostileZip : public ::testing::Test {
 protected:
  void expect_refused(const std::vector<ZipEntry>& entries, const std::string& needle, sa3::ImportLimits limits = {}) {
    build_zip(dir_ / "evil.zip", entries);
    const auto r = import(dir_ / "evil.zip", dir_ / "dest" / "inner", limits);
    ASSERT_FALSE(r) << "archive was accepted";
    EXPECT_EQ(r.error().kind, sa3::ErrorKind::InvalidInput);
    EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
    EXPECT_EQ(files_under(dir_ / "dest"), 0u);
    EXPECT_FALSE(fs::exists(dir_ / "evil.txt"));
    EXPECT_FALSE(fs::exists(dir_ / "dest" / "evil.txt"));
  }
  TempDir dir_;
};

TEST_F(HostileZip, ZipSlipPath_IsRefused) {
  expect_refused({{"ok.txt", "fine"}, {"../../evil.txt", "escaped"}}, "outside the destination");
}

TEST_F(HostileZip, NestedZipSlip_IsRefused) {
  expect_refused({{"a/b/../../../evil.txt", "escaped"}}, "outside the destination");
}

TEST_F(HostileZip, BackslashZipSlip_IsRefused) {
  expect_refused({{"..\\evil.txt", "escaped"}}, "outside the destination");
}

TEST_F(HostileZip, AbsolutePath_IsRefused) {
  expect_refused({{"/tmp/evil.txt", "absolute"}}, "absolute path");
}

TEST_F(HostileZip, WindowsDrivePath_IsRefused) {
  expect_refused({{"C:/evil.txt", "absolute"}}, "absolute path");
}

TEST_F(HostileZip, SymlinkEntry_IsRefused) {
  expect_refused({{"clip.txt", "/etc/passwd", true}}, "symbolic link");
}

TEST_F(HostileZip, ExpandsPastLimit_IsRefused) {
  expect_refused({{"a.txt", std::string(6000, 'a')}, {"b.txt", std::string(6000, 'b')}}, "expands to more than",
                 {.max_total_bytes = 10000, .max_entries = 100});
}

TEST_F(HostileZip, TooManyEntries_IsRefused) {
  std::vector<ZipEntry> entries;
  for (int i = 0; i < 11; ++i) entries.push_back({"c" + std::to_string(i) + ".txt", "x"});
  expect_refused(entries, "more than the limit", {.max_total_bytes = 1 << 20, .max_entries = 10});
}

TEST_F(HostileZip, DuplicateEntry_IsRefused) {
  expect_refused({{"a.txt", "one"}, {"./a.txt", "two"}}, "appears twice");
}

TEST(ZipImport, ExistingFile_IsNeverOverwritten) {
  TempDir dir;
  build_zip(dir / "data.zip", {{"new.txt", "new"}, {"clip.txt", "from zip"}});
  sa3::test::write_text(dir / "dest" / "clip.txt", "user's caption");
  const auto r = import(dir / "data.zip", dir / "dest");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("already exists"), std::string::npos);
  EXPECT_EQ(sa3::test::read_text(dir / "dest" / "clip.txt"), "user's caption");
  EXPECT_FALSE(fs::exists(dir / "dest" / "new.txt"));
}

TEST(ZipImport, SymlinkedFolderInDestination_IsNotFollowed) {
  TempDir dir, elsewhere;
  build_zip(dir / "data.zip", {{"sub/clip.txt", "caption"}});
  fs::create_directories(dir / "dest");
  fs::create_directory_symlink(elsewhere.path(), dir / "dest" / "sub");
  const auto r = import(dir / "data.zip", dir / "dest");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("symbolic link"), std::string::npos) << r.error().message;
  EXPECT_TRUE(fs::is_empty(elsewhere.path()));
}

TEST(ZipImport, NotAZip_FailsNamingIt) {
  TempDir dir;
  sa3::test::write_text(dir / "fake.zip", "this is not a zip archive");
  const auto r = import(dir / "fake.zip", dir / "dest");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, sa3::ErrorKind::InvalidInput);
  EXPECT_NE(r.error().message.find("fake.zip"), std::string::npos);
}

TEST(ZipImport, CorruptEntryData_FailsAndRemovesWhatItWrote) {
  TempDir dir;
  build_zip(dir / "data.zip", {{"a.txt", "first entry is fine"}, {"b.txt", std::string(4000, 'q')}});
  // Flip bytes in the second entry's stored data so its CRC no longer matches.
  std::string bytes = sa3::test::read_text(dir / "data.zip");
  const size_t at = bytes.find(std::string(100, 'q'));
  ASSERT_NE(at, std::string::npos);
  bytes[at + 10] = 'Z';
  sa3::test::write_text(dir / "data.zip", bytes);
  const auto r = import(dir / "data.zip", dir / "dest");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("b.txt"), std::string::npos) << r.error().message;
  EXPECT_EQ(files_under(dir / "dest"), 0u);
}

TEST(ZipImport, JunkEntries_AreSkippedAndReported) {
  TempDir dir;
  build_zip(dir / "data.zip", {{"clip.txt", "caption"}, {"__MACOSX/._clip.txt", "junk"}, {"readme.pdf", "%PDF"},
                               {"folder/", ""}});
  const auto r = import(dir / "data.zip", dir / "dest");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->written.size(), 1u);
  EXPECT_EQ(r->skipped.size(), 2u);
  EXPECT_EQ(sa3::test::read_text(dir / "dest" / "clip.txt"), "caption");
}

}  // namespace
