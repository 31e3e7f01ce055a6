// SPDX-License-Identifier: GPL-3.0-or-later
// Validation demos during local training (issue 7), on a tiny model and generated sines: a
// baseline at step 0 and a set every demo_every steps, each after its step's checkpoint; the
// demos hear the adapters as trained; a failing render or a stop while rendering never stops
// training or changes it.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/sa3_model.h"
#include "sa3/audio.h"
#include "sa3/generate.h"
#include "sa3/trainer.h"
#include "tiny_training.h"
#include "step_losses.h"
#include "test_support.h"

namespace sa3 {
namespace {

namespace fs = std::filesystem;

constexpr const char* kModel = "small-music-base";
constexpr double kDemoSeconds = 0.5;

struct Event {
  std::string event;
  int64_t step = -1;
  std::string message;
};

std::vector<Event> events(const fs::path& run) {
  std::vector<Event> out;
  std::ifstream in(run / "progress.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line);
    out.push_back({j["event"].get<std::string>(), j.value("step", int64_t{-1}), j.value("message", "")});
  }
  return out;
}

std::vector<int64_t> steps_of(const std::vector<Event>& all, const std::string& kind) {
  std::vector<int64_t> out;
  for (const auto& e : all)
    if (e.event == kind) out.push_back(e.step);
  return out;
}

double max_abs_difference(const AudioBuffer& a, const AudioBuffer& b) {
  EXPECT_EQ(a.samples.size(), b.samples.size());
  double out = 0;
  for (size_t i = 0; i < std::min(a.samples.size(), b.samples.size()); ++i)
    out = std::max(out, static_cast<double>(std::fabs(a.samples[i] - b.samples[i])));
  return out;
}

AudioBuffer decoded(const fs::path& wav) {
  auto audio = decode_audio(wav);
  EXPECT_TRUE(audio) << wav;
  return audio ? *audio : AudioBuffer{};
}

class TrainingDemosTest : public testing::Test {
 protected:
  void SetUp() override {
    test::write_tiny_training_folder(dir_.path(), kModel);
  }

  // fp16 on CPU computes in fp32, as the Generator renders on CPU, so demos can be compared
  // with renders of the written LoRA.
  // One seed keeps the renders few; the first test checks every prompt × seed with two.
  LocalTrainingRequest request(const std::string& run, int steps, int demo_every,
                               std::vector<int64_t> seeds = {5}) {
    LocalTrainingRequest r = test::tiny_training_request(dir_.path(), run, kModel);
    r.job.number_of_steps = steps;
    r.job.rank = 2;
    r.job.adapter_type = "lora";
    r.job.learning_rate = 1e-2;
    r.job.seed = 3;
    r.job.base_precision = "fp16";
    r.job.studio = StudioOptions{};
    r.job.studio->checkpoint_every = 3;
    r.job.studio->demo_every = demo_every;
    r.job.studio->demo_prompts = {"a low sine"};
    r.job.studio->demo_seeds = std::move(seeds);
    r.job.studio->demo_seconds = kDemoSeconds;
    return r;
  }

  test::TempDir dir_;
};

TEST_F(TrainingDemosTest, BaselineAndEveryN_EachAfterItsCheckpoint) {
  const auto result = test::train_to_end(request("run", 4, 2, {5, 6}));
  ASSERT_TRUE(result) << result.error().message;
  const auto all = events(dir_ / "run");
  EXPECT_EQ(steps_of(all, "demo"), (std::vector<int64_t>{0, 2, 4}));
  // Step 2 is no checkpoint_every multiple: the demo brings its own checkpoint.
  EXPECT_EQ(steps_of(all, "checkpoint"), (std::vector<int64_t>{2, 3, 4}));
  for (const int64_t step : {2, 4}) {
    const auto at = [&](const std::string& kind) {
      return std::find_if(all.begin(), all.end(), [&](const Event& e) { return e.event == kind && e.step == step; });
    };
    EXPECT_LT(at("checkpoint"), at("demo")) << "step " << step;
  }
  for (const char* step : {"step-000000", "step-000002", "step-000004"}) {
    const auto dir = dir_ / "run" / "demos" / step;
    ASSERT_TRUE(fs::exists(dir / "demo.json")) << dir;
    const auto demo = nlohmann::json::parse(test::read_text(dir / "demo.json"));
    EXPECT_EQ(demo["files"].size(), 2u);
    const auto audio = decoded(dir / "0-6.wav");
    EXPECT_EQ(audio.samples.size(), static_cast<size_t>(kDemoSeconds * 44100) * 2);
  }
  EXPECT_FALSE(fs::exists(dir_ / "run" / "demos" / "step-000001"));
  EXPECT_FALSE(fs::exists(dir_ / "run" / "demos" / "step-000003"));
}

TEST_F(TrainingDemosTest, Demos_HearTheAdaptersAsTrained) {
  const auto result = test::train_to_end(request("run", 4, 4));
  ASSERT_TRUE(result) << result.error().message;
  JobControl job;
  auto generator = Generator::open({dir_ / "models", kModel, "cpu"}, job);
  ASSERT_TRUE(generator) << generator.error().message;
  GenerateSettings s;
  s.prompt = "a low sine";
  s.seconds = kDemoSeconds;
  s.seed = 5;
  const auto base = (*generator)->render(s, job);
  ASSERT_TRUE(base) << base.error().message;
  s.loras.push_back({result->lora_file, 1.0});
  const auto tuned = (*generator)->render(s, job);
  ASSERT_TRUE(tuned) << tuned.error().message;

  const auto baseline = decoded(dir_ / "run" / "demos" / "step-000000" / "0-5.wav");
  const auto trained = decoded(dir_ / "run" / "demos" / "step-000004" / "0-5.wav");
  // The LoRA file holds fp16 adapters, the demo rendered the fp32 ones: close, not equal.
  const double demo_vs_lora = max_abs_difference(trained, *tuned);
  const double trained_vs_baseline = max_abs_difference(trained, baseline);
  EXPECT_LT(max_abs_difference(baseline, *base), 1e-4);
  EXPECT_GT(trained_vs_baseline, 20 * demo_vs_lora)
      << "demo vs LoRA render " << demo_vs_lora << ", demo vs baseline " << trained_vs_baseline;
}

TEST_F(TrainingDemosTest, RenderFailure_IsAWarningAndTrainingGoesOn) {
  const auto demos_off = test::train_to_end(request("plain", 3, 0));
  ASSERT_TRUE(demos_off) << demos_off.error().message;
  // A file where the demos folder belongs makes every render fail.
  fs::create_directories(dir_ / "run");
  test::write_text(dir_ / "run" / "demos", "in the way");
  const auto result = test::train_to_end(request("run", 3, 1));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->steps, 3);
  EXPECT_TRUE(fs::exists(result->lora_file));
  const auto all = events(dir_ / "run");
  EXPECT_TRUE(steps_of(all, "demo").empty());
  int warnings = 0;
  for (const auto& e : all)
    if (e.event == "log" && e.message.find("demos of step") != std::string::npos) ++warnings;
  EXPECT_EQ(warnings, 4);  // steps 0 to 3
  EXPECT_EQ(test::step_losses(dir_ / "run"), test::step_losses(dir_ / "plain"));
}

TEST_F(TrainingDemosTest, StopWhileRendering_ResumeRendersTheSetAndEqualsUninterrupted) {
  const auto straight = test::train_to_end(request("straight", 4, 2));
  ASSERT_TRUE(straight) << straight.error().message;
  {
    LocalTrainer trainer;
    trainer.on_event = [&](const std::string& line) {
      const auto e = nlohmann::json::parse(line);
      if (e["event"] == "checkpoint" && e["step"] == 2) trainer.stop();
    };
    ASSERT_TRUE(trainer.start(request("resumed", 4, 2)));
    const auto stopped = trainer.wait();
    ASSERT_FALSE(stopped);
    EXPECT_TRUE(stopped.error().cancelled()) << stopped.error().message;
    EXPECT_FALSE(fs::exists(dir_ / "resumed" / "demos" / "step-000002" / "demo.json"));
  }
  {
    LocalTrainer trainer;
    ASSERT_TRUE(trainer.resume(dir_ / "resumed", dir_ / "models", "cpu"));
    const auto result = trainer.wait();
    ASSERT_TRUE(result) << result.error().message;
  }
  EXPECT_EQ(steps_of(events(dir_ / "resumed"), "demo"), (std::vector<int64_t>{0, 2, 4}));
  EXPECT_EQ(test::step_losses(dir_ / "resumed"), test::step_losses(dir_ / "straight"));
  for (const char* wav : {"step-000002/0-5.wav", "step-000004/0-5.wav"}) {
    EXPECT_EQ(max_abs_difference(decoded(dir_ / "resumed" / "demos" / wav), decoded(dir_ / "straight" / "demos" / wav)), 0)
        << wav;
  }
}

}  // namespace
}  // namespace sa3
