// SPDX-License-Identifier: GPL-3.0-or-later
// `<dataset>/.sa3studio/dataset.json`: round trip, defaults, corrupt files.
#include <gtest/gtest.h>

#include "sa3/dataset.h"
#include "test_support.h"

namespace {

using sa3::test::TempDir;

TEST(DatasetState, SaveThenLoad_RoundTrips) {
  TempDir dir;
  sa3::DatasetState state;
  state.excluded = {"pads/warm.flac", "kick.wav"};
  state.acknowledged = {"too-long:pads/warm.flac"};
  state.trigger_word = "zxq";
  ASSERT_TRUE(sa3::save_dataset_state(dir.path(), state));
  EXPECT_TRUE(std::filesystem::is_regular_file(dir / ".sa3studio" / "dataset.json"));
  const auto loaded = sa3::load_dataset_state(dir.path());
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(*loaded, state);
}

TEST(DatasetState, NoFile_GivesDefaultState) {
  TempDir dir;
  const auto loaded = sa3::load_dataset_state(dir.path());
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, sa3::DatasetState{});
  EXPECT_FALSE(std::filesystem::exists(dir / ".sa3studio"));  // loading writes nothing
}

TEST(DatasetState, CorruptJson_FailsNamingTheFile) {
  TempDir dir;
  sa3::test::write_text(dir / ".sa3studio" / "dataset.json", "{\"excluded\": [");
  const auto loaded = sa3::load_dataset_state(dir.path());
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().kind, sa3::ErrorKind::InvalidInput);
  EXPECT_NE(loaded.error().message.find("dataset.json"), std::string::npos);
}

TEST(DatasetState, WrongType_FailsNamingTheField) {
  TempDir dir;
  sa3::test::write_text(dir / ".sa3studio" / "dataset.json", R"({"excluded": [1, 2]})");
  const auto loaded = sa3::load_dataset_state(dir.path());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("'excluded'"), std::string::npos);
}

TEST(DatasetState, NewerVersion_IsRefused) {
  TempDir dir;
  sa3::test::write_text(dir / ".sa3studio" / "dataset.json", R"({"version": 7})");
  const auto loaded = sa3::load_dataset_state(dir.path());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("version"), std::string::npos);
}

}  // namespace
