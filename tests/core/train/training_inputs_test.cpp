// SPDX-License-Identifier: GPL-3.0-or-later
// What local training takes in, on a tiny model and generated sines: the pre_encode cache
// (reused by a second run, a changed caption re-encoded), inputs given as http URLs (a dataset
// zip and a warm-start LoRA from a loopback server), `duration` (unset = longest clip, capped at
// the native length) and the checkpoint interval and retention of contracts.md.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "io/safetensors_reader.h"
#include "loopback_server.h"
#include "model/lora/lora_file.h"
#include "model/sa3_model.h"
#include "sa3/dataset.h"
#include "sa3/trainer.h"
#include "tiny_training.h"
#include "step_losses.h"
#include "test_support.h"
#include "train/training_data.h"

namespace sa3 {
namespace {

namespace fs = std::filesystem;

constexpr const char* kModel = "small-music-base";
constexpr int64_t kNativeFrames = 1300;  // the small models' sample_size / 4096

std::vector<std::string> log_messages(const fs::path& run) {
  std::vector<std::string> out;
  std::ifstream in(run / "progress.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line);
    if (j["event"] == "log") out.push_back(j["message"].get<std::string>());
  }
  return out;
}

bool has_message(const fs::path& run, const std::string& part) {
  for (const auto& m : log_messages(run))
    if (m.find(part) != std::string::npos) return true;
  return false;
}

std::vector<std::string> checkpoint_names(const fs::path& run) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(run / "checkpoints")) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

class TrainingInputsTest : public testing::Test {
 protected:
  void SetUp() override {
    // The pre_encode cache lives under the data folder.
    if (const char* old = std::getenv("XDG_DATA_HOME")) saved_xdg_ = old;
    setenv("XDG_DATA_HOME", (dir_ / "xdg").c_str(), 1);
    test::write_tiny_training_folder(dir_.path(), kModel);
  }
  void TearDown() override {
    if (saved_xdg_) setenv("XDG_DATA_HOME", saved_xdg_->c_str(), 1);
    else unsetenv("XDG_DATA_HOME");
  }

  LocalTrainingRequest request(const std::string& run, int steps) {
    LocalTrainingRequest r = test::tiny_training_request(dir_.path(), run, kModel);
    r.job.number_of_steps = steps;
    r.job.rank = 2;
    r.job.adapter_type = "lora";
    r.job.learning_rate = 1e-3;
    r.job.seed = 3;
    return r;
  }

  std::map<std::string, fs::file_time_type> cache_files() {
    std::map<std::string, fs::file_time_type> out;
    const auto cache = dir_ / "xdg" / "sa3studio" / "cache" / "training";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(cache, ec)) out[e.path().filename().string()] = e.last_write_time();
    return out;
  }

  test::TempDir dir_;
  std::optional<std::string> saved_xdg_;
};

TEST_F(TrainingInputsTest, PreEncode_SecondRunReadsTheCache_ChangedCaptionIsReEncoded) {
  auto r = request("first", 2);
  r.job.pre_encode = true;
  ASSERT_TRUE(test::train_to_end(r));
  EXPECT_TRUE(has_message(dir_ / "first", "pre_encode: 0 from the cache, 2 encoded"));
  const auto first = cache_files();
  ASSERT_EQ(first.size(), 2u);

  r.run_dir = dir_ / "second";
  ASSERT_TRUE(test::train_to_end(r));
  EXPECT_TRUE(has_message(dir_ / "second", "pre_encode: 2 from the cache, 0 encoded"));
  EXPECT_EQ(cache_files(), first);
  // The cached examples are the encoded ones: the same run, step for step.
  EXPECT_EQ(test::step_losses(dir_ / "second"), test::step_losses(dir_ / "first"));

  test::write_text(dir_ / "data" / "low.txt", "a deep low sine");
  r.run_dir = dir_ / "third";
  ASSERT_TRUE(test::train_to_end(r));
  EXPECT_TRUE(has_message(dir_ / "third", "pre_encode: 1 from the cache, 1 encoded"));
  const auto third = cache_files();
  EXPECT_EQ(third.size(), 3u);
  for (const auto& [name, time] : first) EXPECT_EQ(third.at(name), time) << name;
}

TEST_F(TrainingInputsTest, HttpUrls_DatasetZipAndWarmStartLoraAreDownloaded) {
  ASSERT_TRUE(test::train_to_end(request("warm", 2)));
  JobControl job;
  const auto scan = scan_dataset(dir_ / "data", job);
  ASSERT_TRUE(scan);
  ASSERT_TRUE(export_zip(scan->clips, DatasetState{}, dir_ / "data.zip", job));
  const std::string zip = test::read_text(dir_ / "data.zip");
  const std::string lora = test::read_text(dir_ / "warm" / "lora.safetensors");
  test::LoopbackServer server;
  server.server().Get("/data.zip", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(zip, "application/zip");
  });
  server.server().Get("/warm.safetensors", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(lora, "application/octet-stream");
  });
  server.start();

  auto r = request("remote-inputs", 1);
  r.dataset.reset();
  r.job.audio_data_url = server.url("/data.zip");
  r.job.lora_checkpoint_url = server.url("/warm.safetensors");
  const auto result = test::train_to_end(r);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_TRUE(fs::exists(dir_ / "remote-inputs" / "dataset" / "low.wav"));
  const auto tensors = read_lora_file(dir_ / "warm" / "lora.safetensors").tensors.size();
  EXPECT_TRUE(has_message(dir_ / "remote-inputs", "warm start: " + std::to_string(tensors) + " adapter tensors"));

  auto missing = request("missing", 1);
  missing.dataset.reset();
  missing.job.audio_data_url = server.url("/nothing.zip");
  const auto failed = test::train_to_end(missing);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message.rfind("audio_data_url: ", 0), 0u) << failed.error().message;
  EXPECT_NE(failed.error().message.find("404"), std::string::npos) << failed.error().message;
}

TEST(TrainingCropFrames, UnsetIsTheLongestClip_AlwaysCappedAtTheNativeLength) {
  std::vector<Clip> clips(2);
  clips[0].duration_s = 1.2;
  clips[1].duration_s = 0.8;
  EXPECT_EQ(training_crop_frames(std::nullopt, clips, kNativeFrames), 12);  // floor(1.2 * 44100 / 4096)
  EXPECT_EQ(training_crop_frames(0.5, clips, kNativeFrames), 5);
  EXPECT_EQ(training_crop_frames(0.01, clips, kNativeFrames), 1);
  EXPECT_EQ(training_crop_frames(1000.0, clips, kNativeFrames), kNativeFrames);
  clips[1].duration_s = 600;
  EXPECT_EQ(training_crop_frames(std::nullopt, clips, kNativeFrames), kNativeFrames);
}

TEST_F(TrainingInputsTest, DurationBeyondTheModel_TrainsOnTheNativeLength) {
  auto r = request("long", 1);
  r.job.duration = 1000.0;
  const auto result = test::train_to_end(r);
  ASSERT_TRUE(result) << result.error().message;
  const auto state = SafetensorsFile::open(dir_ / "long" / "checkpoints" / "step-000001" / "state.safetensors");
  const auto settings = nlohmann::json::parse(state.metadata_value("settings").value_or("{}"));
  EXPECT_EQ(settings["duration_frames"], kNativeFrames);
}

TEST_F(TrainingInputsTest, NoStudioOptions_CheckpointsEvery250StepsAndAtTheEnd) {
  auto r = request("default", 251);
  // One latent frame and one adapted layer keep 251 steps quick.
  r.job.duration = 0.1;
  r.job.include = std::vector<std::string>{"layers.0.self_attn.to_qkv"};
  const auto result = test::train_to_end(r);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(checkpoint_names(dir_ / "default"), (std::vector<std::string>{"step-000250", "step-000251"}));
}

TEST_F(TrainingInputsTest, KeepCheckpoints_KeepsTheNewest) {
  auto r = request("keep", 5);
  r.job.studio = StudioOptions{};
  r.job.studio->checkpoint_every = 1;
  r.job.studio->keep_checkpoints = 2;
  const auto result = test::train_to_end(r);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(checkpoint_names(dir_ / "keep"), (std::vector<std::string>{"step-000004", "step-000005"}));
}

}  // namespace
}  // namespace sa3
