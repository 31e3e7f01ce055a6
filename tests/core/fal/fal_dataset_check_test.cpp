// SPDX-License-Identifier: GPL-3.0-or-later
// fal's dataset rules on zips: clip count, caption pairing, empty and non-UTF-8 captions.
#include <gtest/gtest.h>

#include "fal_test_support.h"
#include "sa3/fal.h"
#include "test_support.h"

namespace sa3 {
namespace {

bool mentions(const std::vector<std::string>& list, const std::string& text) {
  for (const auto& s : list)
    if (s.find(text) != std::string::npos) return true;
  return false;
}

TEST(FalDatasetCheck, GoodZip_CountsClips) {
  test::TempDir dir;
  test::write_dataset_zip(dir / "d.zip", 6);
  JobControl job;
  const auto check = check_dataset_for_fal(dir / "d.zip", job);
  ASSERT_TRUE(check) << check.error().message;
  EXPECT_TRUE(check->ok());
  EXPECT_EQ(check->clips, 6u);
  EXPECT_GT(check->bytes, 0u);
}

TEST(FalDatasetCheck, HostileZip_EveryProblemNamed) {
  test::TempDir dir;
  const std::string w = test::wav_bytes(0.1);
  test::write_zip(dir / "d.zip", {{"a.wav", w}, {"a.txt", "\xff\xfe bad"}, {"b.flac", w}, {"c.wav", w}, {"c.txt", "  \n"},
                                  {"sub/d.mp3", w}, {"sub/d.txt", "ok"}, {"notes.pdf", "x"}, {"__MACOSX/._a.wav", "x"},
                                  {"e.txt", "orphan"}});
  JobControl job;
  const auto check = check_dataset_for_fal(dir / "d.zip", job);
  ASSERT_TRUE(check);
  EXPECT_TRUE(mentions(check->errors, "a.txt: caption is not valid UTF-8"));
  EXPECT_TRUE(mentions(check->errors, "b.flac: no caption"));
  EXPECT_TRUE(mentions(check->errors, "c.txt: caption is empty"));
  EXPECT_FALSE(mentions(check->errors, "sub/d"));
  EXPECT_TRUE(mentions(check->warnings, "notes.pdf"));
  EXPECT_TRUE(mentions(check->warnings, "e.txt: caption without an audio file"));
  EXPECT_FALSE(mentions(check->warnings, "__MACOSX"));
  EXPECT_EQ(check->clips, 4u);
}

TEST(FalDatasetCheck, TooFewClipsOrNotAZip_Refused) {
  test::TempDir dir;
  test::write_dataset_zip(dir / "d.zip", 3);
  JobControl job;
  const auto few = check_dataset_for_fal(dir / "d.zip", job);
  ASSERT_TRUE(few);
  EXPECT_TRUE(mentions(few->errors, "3 clips; fal's trainer takes 4 to 2000"));
  test::write_text(dir / "x.zip", "not a zip");
  EXPECT_FALSE(check_dataset_for_fal(dir / "x.zip", job));
  EXPECT_FALSE(check_dataset_for_fal(dir / "missing", job));
}

}  // namespace
}  // namespace sa3
