// SPDX-License-Identifier: GPL-3.0-or-later
// LocalTrainer end to end on a tiny random model folder (write_tiny_sa3_model, as
// `sa3 models make-tiny` writes it) and a generated dataset: a job trains and writes the fal
// outputs, stop + resume equals an uninterrupted run, bad jobs are refused naming the field.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/sa3_model.h"
#include "sa3/trainer.h"
#include "tiny_training.h"
#include "step_losses.h"
#include "test_support.h"

namespace sa3 {
namespace {

namespace fs = std::filesystem;

constexpr const char* kModel = "small-music-base";

class LocalTrainerTest : public testing::Test {
 protected:
  void SetUp() override {
    test::write_tiny_training_folder(dir_.path(), kModel);
  }

  LocalTrainingRequest request(const std::string& run, int steps) {
    LocalTrainingRequest r = test::tiny_training_request(dir_.path(), run, kModel);
    r.job.number_of_steps = steps;
    r.job.rank = 2;
    r.job.adapter_type = "dora-rows";
    r.job.learning_rate = 1e-3;
    r.job.seed = 3;
    r.job.studio = StudioOptions{};
    r.job.studio->checkpoint_every = 2;
    return r;
  }

  test::TempDir dir_;
};

TEST_F(LocalTrainerTest, Job_TrainsAndWritesFalOutputs) {
  LocalTrainer trainer;
  int steps_seen = 0;
  trainer.on_event = [&](const std::string& line) {
    if (nlohmann::json::parse(line)["event"] == "step") ++steps_seen;
  };
  ASSERT_TRUE(trainer.start(request("run", 3)));
  const auto result = trainer.wait();
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->steps, 3);
  EXPECT_EQ(steps_seen, 3);
  EXPECT_TRUE(fs::exists(result->lora_file));
  const auto config = nlohmann::json::parse(test::read_text(result->config_file));
  EXPECT_EQ(config["adapter_type"], "dora-rows");
  EXPECT_EQ(config["base_model"], kModel);
  EXPECT_EQ(config["inference_model"], "small-music");
  EXPECT_TRUE(fs::exists(dir_ / "run" / "job.json"));
  EXPECT_EQ(nlohmann::json::parse(test::read_text(dir_ / "run" / "run.json"))["status"], "finished");
}

TEST_F(LocalTrainerTest, StopThenResume_EqualsUninterrupted) {
  {
    LocalTrainer trainer;
    ASSERT_TRUE(trainer.start(request("straight", 4)));
    ASSERT_TRUE(trainer.wait());
  }
  {
    LocalTrainer trainer;
    trainer.on_event = [&](const std::string& line) {
      const auto e = nlohmann::json::parse(line);
      if (e["event"] == "step" && e["step"] == 2) trainer.stop();
    };
    ASSERT_TRUE(trainer.start(request("resumed", 4)));
    const auto stopped = trainer.wait();
    ASSERT_FALSE(stopped);
    EXPECT_TRUE(stopped.error().cancelled()) << stopped.error().message;
  }
  {
    LocalTrainer trainer;
    ASSERT_TRUE(trainer.resume(dir_ / "resumed", dir_ / "models", "cpu"));
    const auto result = trainer.wait();
    ASSERT_TRUE(result) << result.error().message;
  }
  const auto a = test::step_losses(dir_ / "straight");
  const auto b = test::step_losses(dir_ / "resumed");
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a, b);
}

TEST_F(LocalTrainerTest, BadJob_IsRefusedNamingTheField) {
  auto r = request("bad", 3);
  r.job.rank = 0;
  LocalTrainer trainer;
  const auto started = trainer.start(r);
  ASSERT_FALSE(started);
  EXPECT_NE(started.error().message.find("rank"), std::string::npos) << started.error().message;
}

TEST_F(LocalTrainerTest, MissingModel_FailsNamingTheFolder) {
  auto r = request("nomodel", 3);
  r.models_dir = dir_ / "nowhere";
  LocalTrainer trainer;
  ASSERT_TRUE(trainer.start(r));
  const auto result = trainer.wait();
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("nowhere"), std::string::npos) << result.error().message;
  EXPECT_EQ(nlohmann::json::parse(test::read_text(dir_ / "nomodel" / "run.json"))["status"], "failed");
}

}  // namespace
}  // namespace sa3
