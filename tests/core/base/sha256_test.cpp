// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/sha256.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace sa3 {

// Reference digests from FIPS 180-2 examples.
TEST(Sha256, KnownVectors_MatchFips) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, File_EqualsBytes) {
  test::TempDir dir;
  std::string big(3 << 20, 'x');
  test::write_text(dir / "f", big);
  EXPECT_EQ(sha256_file_hex(dir / "f"), sha256_hex(big));
}

}  // namespace sa3
