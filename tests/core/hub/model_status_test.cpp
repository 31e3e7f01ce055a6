// SPDX-License-Identifier: GPL-3.0-or-later
// Model status from the files on disk: present, missing, incomplete, corrupt, in each layout.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/sha256.h"
#include "fake_hub.h"
#include "sa3/hub.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using sa3::ModelLayout;
using sa3::ModelState;
using sa3::test::TempDir;

bool mentions(const sa3::ModelStatus& status, const std::string& text) {
  for (const std::string& p : status.problems)
    if (p.find(text) != std::string::npos) return true;
  return false;
}

sa3::ModelStatus status_of(const fs::path& dir, const std::string& id) {
  auto r = sa3::model_status(dir, id);
  EXPECT_TRUE(r.ok()) << (r ? "" : r.error().message);
  return *r;
}

// A download record as download_model writes it, for the files of the tiny repo.
void write_record(const fs::path& folder) {
  std::string files;
  for (const auto& f : sa3::test::tiny_model_repo()) {
    if (f.path == ".gitattributes") continue;
    files += std::string(files.empty() ? "" : ",") + R"({"path":")" + f.path + R"(","size":)" +
             std::to_string(f.content.size()) + R"(,"sha256":")" + sa3::sha256_hex(f.content) + "\"}";
  }
  sa3::test::write_text(folder / ".sa3-download.json",
                        R"({"repo":"stabilityai/stable-audio-3-medium","endpoint":"x","files":[)" + files + "]}");
}

TEST(ModelCatalog, SixIds_PairBaseWithPostTrained) {
  ASSERT_EQ(sa3::model_catalog().size(), 6u);
  auto base = sa3::find_model("medium-base");
  ASSERT_TRUE(base.ok());
  EXPECT_EQ(base->repo, "stabilityai/stable-audio-3-medium-base");
  EXPECT_EQ(base->purpose, sa3::ModelPurpose::Training);
  EXPECT_EQ(base->pairs_with, "medium");
  EXPECT_EQ(sa3::find_model("small-sfx")->purpose, sa3::ModelPurpose::Audition);
}

TEST(ModelCatalog, UnknownId_FailsNamingTheValidOnes) {
  auto r = sa3::find_model("large");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, sa3::ErrorKind::InvalidInput);
  EXPECT_NE(r.error().message.find("'large'"), std::string::npos);
  EXPECT_NE(r.error().message.find("small-music-base"), std::string::npos);
}

TEST(ModelStatus, EmptyFolder_EveryModelMissing) {
  TempDir dir;
  auto r = sa3::model_statuses(dir.path());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 6u);
  for (const auto& s : *r) {
    EXPECT_EQ(s.state, ModelState::Missing) << s.info.id;
    EXPECT_EQ(s.folder, dir / s.info.id);
  }
}

TEST(ModelStatus, FolderFromAnotherTool_PresentWithoutRecord) {
  TempDir dir;
  sa3::test::write_repo(dir / "medium", sa3::test::tiny_model_repo());
  const auto s = status_of(dir.path(), "medium");
  EXPECT_EQ(s.state, ModelState::Present);
  EXPECT_EQ(s.layout, ModelLayout::HuggingFace);
  EXPECT_FALSE(s.has_download_record);
  EXPECT_GT(s.size_bytes, 256u * 1024);
  EXPECT_EQ(status_of(dir.path(), "medium-base").state, ModelState::Missing);
}

TEST(ModelStatus, GitCloneFolderName_Found) {
  TempDir dir;
  sa3::test::write_repo(dir / "stable-audio-3-small-sfx", sa3::test::tiny_model_repo());
  const auto s = status_of(dir.path(), "small-sfx");
  EXPECT_EQ(s.state, ModelState::Present);
  EXPECT_EQ(s.folder, dir / "stable-audio-3-small-sfx");
}

TEST(ModelStatus, HuggingFaceCache_SnapshotOfMainFound) {
  TempDir dir;
  const fs::path repo = dir / "models--stabilityai--stable-audio-3-small-music";
  sa3::test::write_text(repo / "refs" / "main", "0123abcd\n");
  sa3::test::write_repo(repo / "snapshots" / "0123abcd", sa3::test::tiny_model_repo());
  const auto s = status_of(dir.path(), "small-music");
  EXPECT_EQ(s.state, ModelState::Present);
  EXPECT_EQ(s.folder, repo / "snapshots" / "0123abcd");
}

TEST(ModelStatus, MissingTokenizer_IncompleteNamingIt) {
  TempDir dir;
  sa3::test::write_repo(dir / "medium", sa3::test::tiny_model_repo());
  fs::remove(dir / "medium" / "t5gemma-b-b-ul2" / "tokenizer.model");
  const auto s = status_of(dir.path(), "medium");
  EXPECT_EQ(s.state, ModelState::Incomplete);
  EXPECT_TRUE(mentions(s, "tokenizer.model: missing"));
}

TEST(ModelStatus, PartFile_IncompleteAndCounted) {
  TempDir dir;
  sa3::test::write_repo(dir / "medium", sa3::test::tiny_model_repo());
  fs::rename(dir / "medium" / "model.safetensors", dir / "medium" / "model.safetensors.part");
  const auto s = status_of(dir.path(), "medium");
  EXPECT_EQ(s.state, ModelState::Incomplete);
  EXPECT_TRUE(mentions(s, "partly downloaded"));
  EXPECT_GT(s.size_bytes, 256u * 1024);
}

TEST(ModelStatus, OnlyPartFiles_IncompleteNotMissing) {
  TempDir dir;
  sa3::test::write_text(dir / "medium" / "model.safetensors.part", "abc");
  EXPECT_EQ(status_of(dir.path(), "medium").state, ModelState::Incomplete);
}

TEST(ModelStatus, GitLfsPointerInsteadOfWeights_IncompleteSayingLfsPull) {
  TempDir dir;
  sa3::test::write_repo(dir / "medium", sa3::test::tiny_model_repo());
  sa3::test::write_text(dir / "medium" / "model.safetensors",
                        "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 9222116660\n");
  const auto s = status_of(dir.path(), "medium");
  EXPECT_EQ(s.state, ModelState::Incomplete);
  EXPECT_TRUE(mentions(s, "git lfs pull"));
}

TEST(ModelStatus, TruncatedSafetensors_CorruptEvenWithoutRecord) {
  TempDir dir;
  sa3::test::write_repo(dir / "medium", sa3::test::tiny_model_repo());
  fs::resize_file(dir / "medium" / "model.safetensors", 10000);
  const auto s = status_of(dir.path(), "medium");
  EXPECT_EQ(s.state, ModelState::Corrupt);
  EXPECT_TRUE(mentions(s, "model.safetensors"));
}

TEST(ModelStatus, SizeDiffersFromRecord_Corrupt) {
  TempDir dir;
  sa3::test::write_repo(dir / "medium", sa3::test::tiny_model_repo());
  write_record(dir / "medium");
  EXPECT_EQ(status_of(dir.path(), "medium").state, ModelState::Present);
  std::ofstream(dir / "medium" / "model_config.json", std::ios::app) << " ";
  const auto s = status_of(dir.path(), "medium");
  EXPECT_EQ(s.state, ModelState::Corrupt);
  EXPECT_TRUE(mentions(s, "model_config.json"));
  EXPECT_TRUE(s.has_download_record);
}

TEST(ModelStatus, VerifyFlippedByte_CorruptAndRemembered) {
  TempDir dir;
  sa3::test::write_repo(dir / "medium", sa3::test::tiny_model_repo());
  write_record(dir / "medium");
  sa3::JobControl job;
  auto clean = sa3::verify_model(dir.path(), "medium", job);
  ASSERT_TRUE(clean.ok()) << clean.error().message;
  EXPECT_EQ(clean->state, ModelState::Present);
  EXPECT_TRUE(clean->hashes_checked);

  // Flip one byte inside the tokenizer blob: same size, same readable headers, wrong hash.
  const fs::path tokenizer = dir / "medium" / "t5gemma-b-b-ul2" / "tokenizer.model";
  std::string bytes = sa3::test::read_text(tokenizer);
  bytes[100] ^= 1;
  sa3::test::write_text(tokenizer, bytes);
  EXPECT_EQ(status_of(dir.path(), "medium").state, ModelState::Present);  // the cheap scan cannot see it
  auto r = sa3::verify_model(dir.path(), "medium", job);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->state, ModelState::Corrupt);
  EXPECT_TRUE(mentions(*r, "tokenizer.model: sha256"));
  EXPECT_EQ(status_of(dir.path(), "medium").state, ModelState::Corrupt);
}

TEST(ModelStatus, VerifyCancelled_ReportsCancelled) {
  TempDir dir;
  sa3::test::write_repo(dir / "medium", sa3::test::tiny_model_repo());
  write_record(dir / "medium");
  sa3::JobControl job;
  job.cancel();
  auto r = sa3::verify_model(dir.path(), "medium", job);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().cancelled());
}

TEST(ModelStatus, ComfyUiRepack_PresentWithBuiltInConfig) {
  TempDir dir;
  const auto repo = sa3::test::tiny_model_repo();
  sa3::test::write_text(dir / "checkpoints" / "stable_audio_3_medium_base.safetensors", repo[3].content);
  sa3::test::write_text(dir / "text_encoders" / "t5gemma_b_b_ul2.safetensors", repo[5].content);
  const auto s = status_of(dir.path(), "medium-base");
  EXPECT_EQ(s.state, ModelState::Present);
  EXPECT_EQ(s.layout, ModelLayout::ComfyUI);
  auto files = sa3::locate_model(dir.path(), "medium-base");
  ASSERT_TRUE(files.ok()) << files.error().message;
  EXPECT_EQ(files->checkpoint, dir / "checkpoints" / "stable_audio_3_medium_base.safetensors");
  EXPECT_TRUE(files->model_config.empty());
  EXPECT_TRUE(files->tokenizer.empty());
  EXPECT_EQ(status_of(dir.path(), "medium").state, ModelState::Missing);
}

TEST(ModelStatus, ComfyUiWithoutTextEncoder_Incomplete) {
  TempDir dir;
  sa3::test::write_text(dir / "models" / "checkpoints" / "stable_audio_3_small_sfx.safetensors",
                        sa3::test::tiny_model_repo()[3].content);
  const auto s = status_of(dir.path(), "small-sfx");
  EXPECT_EQ(s.layout, ModelLayout::ComfyUI);
  EXPECT_EQ(s.state, ModelState::Incomplete);
  EXPECT_TRUE(mentions(s, "t5gemma_b_b_ul2.safetensors: missing"));
}

TEST(LocateModel, Present_GivesRepoPaths) {
  TempDir dir;
  sa3::test::write_repo(dir / "small-music-base", sa3::test::tiny_model_repo());
  auto files = sa3::locate_model(dir.path(), "small-music-base");
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(files->model_config, dir / "small-music-base" / "model_config.json");
  EXPECT_EQ(files->tokenizer, dir / "small-music-base" / "t5gemma-b-b-ul2" / "tokenizer.model");
}

TEST(LocateModel, Missing_FailsSayingHowToDownload) {
  TempDir dir;
  auto files = sa3::locate_model(dir.path(), "medium");
  ASSERT_FALSE(files.ok());
  EXPECT_NE(files.error().message.find("sa3 models download medium"), std::string::npos);
}

}  // namespace
