// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/atomic_file.h"

#include <gtest/gtest.h>

#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {

TEST(AtomicFile, Write_NewFile_HasContentAndNoTempLeft) {
  test::TempDir dir;
  write_file_atomic(dir / "a.txt", "hello");
  EXPECT_EQ(test::read_text(dir / "a.txt"), "hello");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(AtomicFile, Write_ExistingFile_IsReplaced) {
  test::TempDir dir;
  test::write_text(dir / "a.txt", "old contents that are longer");
  write_file_atomic(dir / "a.txt", "new");
  EXPECT_EQ(test::read_text(dir / "a.txt"), "new");
}

TEST(AtomicFile, Write_MissingFolder_ThrowsNamingPathAndKeepsNothing) {
  test::TempDir dir;
  try {
    write_file_atomic(dir / "missing" / "a.txt", "x");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Environment);
    EXPECT_NE(std::string(e.what()).find("missing/a.txt"), std::string::npos) << e.what();
  }
}

TEST(AtomicFile, Read_MissingFile_ThrowsInvalidInput) {
  test::TempDir dir;
  EXPECT_THROW(read_file(dir / "nope"), Error);
}

TEST(ErrorCapture, Capture_Throwing_ReturnsFailureWithKind) {
  auto r = capture([]() -> int { throw_invalid("job.json: field 'rank' must be > 0"); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::InvalidInput);
  EXPECT_EQ(r.error().message, "job.json: field 'rank' must be > 0");
  auto ok = capture([] { return 7; });
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 7);
}

}  // namespace sa3
