// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 dataset check|pack` through the real executable on generated datasets.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sa3/dataset.h"
#include "test_signals.h"
#include "test_support.h"

namespace {

using sa3::test::TempDir;
using sa3::test::write_clip;
using sa3::test::write_text;

sa3::test::CommandResult sa3_cli(const std::string& args) {
  return sa3::test::run_command(std::string(SA3_CLI) + " " + args);
}

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// Four captioned clips in two folders: a dataset with nothing to complain about.
void make_good_dataset(const TempDir& dir) {
  write_clip(dir / "kick.wav", sa3::test::noise(2.0, 44100, 2, 0.5, 1));
  write_text(dir / "kick.txt", "punchy kick");
  write_clip(dir / "snare.flac", sa3::test::noise(1.5, 48000, 1, 0.4, 2));
  write_text(dir / "snare.txt", "tight snare");
  write_clip(dir / "pads" / "warm.ogg", sa3::test::sine(3.0, 44100, 2, 220, 0.3));
  write_text(dir / "pads" / "warm.txt", "warm analog pad");
  write_clip(dir / "pads" / "air.wav", sa3::test::noise(2.5, 22050, 1, 0.2, 3));
  write_text(dir / "pads" / "air.txt", "airy texture");
}

TEST(DatasetCli, CheckGoodFolder_ListsClipsAndExitsZero) {
  TempDir dir;
  make_good_dataset(dir);
  const auto r = sa3_cli("dataset check " + quoted(dir.path()));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("4 clips"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("pads/warm.ogg"), std::string::npos);
  EXPECT_NE(r.output.find("warm analog pad"), std::string::npos);
  EXPECT_NE(r.output.find("0 errors"), std::string::npos);
}

TEST(DatasetCli, CheckMissingCaption_ExitsOneNamingTheClip) {
  TempDir dir;
  make_good_dataset(dir);
  std::filesystem::remove(dir / "snare.txt");
  const auto r = sa3_cli("dataset check " + quoted(dir.path()));
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("snare.flac: no caption file snare.txt"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("[caption-missing]"), std::string::npos);
}

TEST(DatasetCli, CheckJson_ReportsClipsQcAndIssues) {
  TempDir dir;
  make_good_dataset(dir);
  write_clip(dir / "copy.wav", sa3::test::noise(2.0, 44100, 2, 0.5, 1));  // same audio as kick.wav
  write_text(dir / "copy.txt", "copied kick");
  const auto r = sa3_cli("dataset check --json --model small-sfx-base " + quoted(dir.path()));
  EXPECT_EQ(r.status, 0) << r.output;  // duplicates are warnings
  const auto doc = nlohmann::json::parse(r.output);
  EXPECT_EQ(doc["model"], "small-sfx-base");
  EXPECT_EQ(doc["summary"]["clips"], 5);
  ASSERT_EQ(doc["clips"].size(), 5u);
  EXPECT_EQ(doc["clips"][0]["id"], "copy.wav");
  EXPECT_EQ(doc["clips"][0]["qc"]["content_hash"], doc["clips"][1]["qc"]["content_hash"]);
  size_t duplicates = 0;
  for (const auto& issue : doc["issues"]) duplicates += issue["rule"] == "audio-duplicate";
  EXPECT_EQ(duplicates, 2u);
  EXPECT_EQ(doc["errors"], 0);
}

TEST(DatasetCli, CheckUnknownModel_ExitsTwo) {
  TempDir dir;
  make_good_dataset(dir);
  const auto r = sa3_cli("dataset check --model large " + quoted(dir.path()));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("'large'"), std::string::npos) << r.output;
}

TEST(DatasetCli, CheckMissingFolder_ExitsTwoNamingIt) {
  const auto r = sa3_cli("dataset check /nonexistent/dataset");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("/nonexistent/dataset"), std::string::npos) << r.output;
}

TEST(DatasetCli, PackThenCheckZip_LeavesOutExcludedClips) {
  TempDir dir, out;
  make_good_dataset(dir);
  write_clip(dir / "outtake.wav", sa3::test::noise(2.0, 44100, 1, 0.5, 9));
  sa3::DatasetState state;
  state.excluded = {"outtake.wav"};
  ASSERT_TRUE(sa3::save_dataset_state(dir.path(), state));

  const auto packed = sa3_cli("dataset pack " + quoted(dir.path()) + " -o " + quoted(out / "data.zip"));
  ASSERT_EQ(packed.status, 0) << packed.output;
  EXPECT_NE(packed.output.find("4 clips, 4 captions (1 excluded)"), std::string::npos) << packed.output;

  const auto checked = sa3_cli("dataset check --json " + quoted(out / "data.zip"));
  EXPECT_EQ(checked.status, 0) << checked.output;
  const auto doc = nlohmann::json::parse(checked.output);
  ASSERT_EQ(doc["clips"].size(), 4u);
  for (const auto& clip : doc["clips"]) {
    EXPECT_NE(clip["id"], "outtake.wav");
    EXPECT_EQ(clip["id"].get<std::string>().find('/'), std::string::npos);  // flat
    EXPECT_TRUE(clip["has_caption"].get<bool>());
  }
}

TEST(DatasetCli, CheckBrokenZip_ExitsTwoNamingIt) {
  TempDir dir;
  write_text(dir / "broken.zip", "PK\x03\x04 but nothing a zip needs");
  const auto r = sa3_cli("dataset check " + quoted(dir / "broken.zip"));
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("broken.zip: cannot open zip archive"), std::string::npos) << r.output;
}

TEST(DatasetCli, PackWithoutOut_ExitsTwoWithUsage) {
  TempDir dir;
  make_good_dataset(dir);
  const auto r = sa3_cli("dataset pack " + quoted(dir.path()));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("--out"), std::string::npos);
  EXPECT_NE(r.output.find("Usage: sa3 dataset"), std::string::npos);
}

TEST(DatasetCli, Help_DocumentsExitStatus) {
  const auto r = sa3_cli("dataset --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.output.find("sa3 dataset check DIR|ZIP"), std::string::npos);
  EXPECT_NE(r.output.find("Exit status"), std::string::npos);
}

}  // namespace
