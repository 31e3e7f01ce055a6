// SPDX-License-Identifier: GPL-3.0-or-later
// Which model a LoRA belongs to: read from metadata or the files trainers write beside it, and
// a LoRA for another model family refused with both names.
#include "sample/lora_compatibility.h"

#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "model/lora/lora_file.h"
#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {
namespace {

std::filesystem::path write_lora(const std::filesystem::path& path) {
  std::filesystem::create_directories(path.parent_path());
  LoraConfig config;
  config.rank = 1;
  config.alpha = 1;
  config.adapter_type = "lora";
  write_lora_file(path, {{"model.x.parametrizations.weight.0.lora_A", at::ones({1, 2})}}, config);
  return path;
}

TEST(LoraCompatibility, RunFolderConfig_NamesTheBaseModel) {
  test::TempDir dir;
  const auto lora = write_lora(dir / "run/lora.safetensors");
  test::write_text(dir / "run/config.json", R"({"rank": 1, "base_model": "small-music-base"})");
  const auto origin = lora_base_model(lora);
  ASSERT_TRUE(origin);
  EXPECT_EQ(origin->base_model, "small-music-base");
  EXPECT_EQ(origin->named_in.filename(), "config.json");
}

TEST(LoraCompatibility, Sidecar_WinsOverFolderConfig) {
  test::TempDir dir;
  const auto lora = write_lora(dir / "mine.safetensors");
  test::write_text(dir / "mine.json", R"({"base_model": "medium-base"})");
  test::write_text(dir / "config.json", R"({"base_model": "small-sfx-base"})");
  EXPECT_EQ(lora_base_model(lora)->base_model, "medium-base");
}

TEST(LoraCompatibility, Checkpoint_UsesTheRunsJob) {
  test::TempDir dir;
  const auto lora = write_lora(dir / "run/checkpoints/step-000250/adapter.safetensors");
  test::write_text(dir / "run/job.json", R"({"model": "small-sfx-base"})");
  EXPECT_EQ(lora_base_model(lora)->base_model, "small-sfx-base");
}

TEST(LoraCompatibility, UpstreamFileAlone_NamesNothingAndPasses) {
  test::TempDir dir;
  const auto lora = write_lora(dir / "upstream.safetensors");
  EXPECT_FALSE(lora_base_model(lora));
  EXPECT_NO_THROW(check_lora_fits_model(lora, "medium"));
}

TEST(LoraCompatibility, SameFamily_PassesForThePostTrainedAndTheBaseModel) {
  test::TempDir dir;
  const auto lora = write_lora(dir / "run/lora.safetensors");
  test::write_text(dir / "run/config.json", R"({"base_model": "small-music-base"})");
  EXPECT_NO_THROW(check_lora_fits_model(lora, "small-music"));
  EXPECT_NO_THROW(check_lora_fits_model(lora, "small-music-base"));
}

TEST(LoraCompatibility, OtherFamily_IsRefusedNamingBothModels) {
  test::TempDir dir;
  const auto lora = write_lora(dir / "run/lora.safetensors");
  test::write_text(dir / "run/config.json", R"({"base_model": "small-music-base"})");
  try {
    check_lora_fits_model(lora, "small-sfx");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(message.find("small-music-base"), std::string::npos) << message;
    EXPECT_NE(message.find("small-sfx"), std::string::npos) << message;
    EXPECT_NE(message.find("lora.safetensors"), std::string::npos) << message;
  }
}

TEST(LoraCompatibility, BrokenSidecar_IsReportedNamingIt) {
  test::TempDir dir;
  const auto lora = write_lora(dir / "run/lora.safetensors");
  test::write_text(dir / "run/config.json", "{not json");
  try {
    lora_base_model(lora);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("config.json"), std::string::npos) << e.what();
  }
}

TEST(LoraCompatibility, ModelFamily_StripsTheBaseSuffix) {
  EXPECT_EQ(model_family("medium-base"), "medium");
  EXPECT_EQ(model_family("medium"), "medium");
}

}  // namespace
}  // namespace sa3
