// SPDX-License-Identifier: GPL-3.0-or-later
// The generate facade on tiny random models of the real architecture (issue 7 tests): same seed
// gives identical renders, LoRA strength 0 equals the base model, a LoRA with non-zero weights
// changes the output and leaves the base intact afterwards, a LoRA for another model is
// refused, base models render with Euler + CFG, cancellation, and validation demo folders.
#include "sa3/generate.h"

#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "model/lora/lora_file.h"
#include "model/lora/lora_network.h"
#include "model/sa3_model.h"
#include "sa3/audio.h"
#include "sa3/models.h"
#include "test_support.h"

namespace sa3 {
namespace {

class GeneratorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    for (const char* id : {"small-music", "small-music-base"}) {
      const Status made = make_tiny_model(dir_->path(), id, 1);
      ASSERT_TRUE(made) << made.error().message;
    }
    JobControl job;
    auto opened = Generator::open({dir_->path(), "small-music", "cpu"}, job);
    ASSERT_TRUE(opened) << opened.error().message;
    generator_ = opened->release();
    lora_ = new std::filesystem::path(write_lora("run", "small-music-base"));
  }
  static void TearDownTestSuite() {
    delete generator_;
    delete lora_;
    delete dir_;
  }

  // A rank-4 LoRA over every adaptable layer of the tiny model with non-zero A and B, saved as
  // a run folder (lora.safetensors + config.json naming `base_model`).
  static std::filesystem::path write_lora(const std::string& run, const std::string& base_model) {
    const auto model = load_sa3_model("small-music-base", Sa3ModelPaths::in_folder(dir_->path() / "small-music-base"), {});
    LoraAdapterOptions options;
    options.type = AdapterType::Lora;
    options.rank = 4;
    options.alpha = 4;
    LoraNetwork network(options);
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(5);
    network.attach(*model->dit, "model", [](const std::string&) { return true; }, gen);
    NamedTensors tensors;
    for (const auto& [key, value] : network.state_dict(false)) {
      tensors.emplace_back(key, key.ends_with("lora_B") ? at::randn(value.sizes()) * 0.5 : value);
    }
    LoraConfig config;
    config.rank = 4;
    config.alpha = 4;
    config.adapter_type = "lora";
    const auto folder = dir_->path() / run;
    std::filesystem::create_directories(folder);
    write_lora_file(folder / "lora.safetensors", tensors, config);
    test::write_text(folder / "config.json", nlohmann::json{{"base_model", base_model}}.dump());
    return folder / "lora.safetensors";
  }

  static GenerateSettings settings(uint64_t seed) {
    GenerateSettings s;
    s.prompt = "warm analog pad";
    s.seconds = 1.5;
    s.seed = seed;
    return s;
  }

  static AudioBuffer render(const GenerateSettings& s) {
    JobControl job;
    auto audio = generator_->render(s, job);
    EXPECT_TRUE(audio) << audio.error().message;
    return audio ? *audio : AudioBuffer{};
  }

  static test::TempDir* dir_;
  static Generator* generator_;
  static std::filesystem::path* lora_;
};

test::TempDir* GeneratorTest::dir_ = nullptr;
Generator* GeneratorTest::generator_ = nullptr;
std::filesystem::path* GeneratorTest::lora_ = nullptr;

double max_difference(const AudioBuffer& a, const AudioBuffer& b) {
  EXPECT_EQ(a.samples.size(), b.samples.size());
  double d = 0;
  for (size_t i = 0; i < std::min(a.samples.size(), b.samples.size()); ++i) {
    d = std::max(d, double(std::abs(a.samples[i] - b.samples[i])));
  }
  return d;
}

TEST_F(GeneratorTest, Render_IsStereoOfExactlyTheRequestedDurationWithinFullScale) {
  const AudioBuffer audio = render(settings(7));
  EXPECT_EQ(audio.channels, 2);
  EXPECT_EQ(audio.sample_rate, 44100);
  EXPECT_EQ(audio.frames(), 66150);
  float peak = 0;
  for (float s : audio.samples) peak = std::max(peak, std::abs(s));
  EXPECT_GT(peak, 0.0f);
  EXPECT_LE(peak, 1.0f);
}

TEST_F(GeneratorTest, SameSeed_GivesIdenticalBaseRenders) {
  EXPECT_EQ(render(settings(7)).samples, render(settings(7)).samples);
}

TEST_F(GeneratorTest, DifferentSeed_GivesDifferentAudio) {
  EXPECT_GT(max_difference(render(settings(7)), render(settings(8))), 1e-4);
}

TEST_F(GeneratorTest, LoraAtStrengthZero_EqualsTheBaseRender) {
  const AudioBuffer base = render(settings(7));
  GenerateSettings s = settings(7);
  s.loras.push_back({*lora_, 0.0});
  EXPECT_EQ(render(s).samples, base.samples);
}

TEST_F(GeneratorTest, LoraWithWeights_ChangesTheOutputAndBaseComesBack) {
  const AudioBuffer base = render(settings(7));
  GenerateSettings s = settings(7);
  s.loras.push_back({*lora_, 1.0});
  const AudioBuffer tuned = render(s);
  EXPECT_GT(max_difference(base, tuned), 1e-4);
  EXPECT_EQ(render(s).samples, tuned.samples);
  EXPECT_EQ(render(settings(7)).samples, base.samples);
}

TEST_F(GeneratorTest, LoraOutsideItsSigmaInterval_EqualsTheBaseRender) {
  const AudioBuffer base = render(settings(7));
  GenerateSettings s = settings(7);
  s.loras.push_back({*lora_, 1.0, 0.0, 0.0});  // only at t = 0, which no step evaluates
  EXPECT_EQ(render(s).samples, base.samples);
}

TEST_F(GeneratorTest, LoraForAnotherModel_IsRefusedNamingBoth) {
  const auto sfx = write_lora("sfx-run", "small-sfx-base");
  GenerateSettings s = settings(7);
  s.loras.push_back({sfx, 1.0});
  JobControl job;
  const auto audio = generator_->render(s, job);
  ASSERT_FALSE(audio);
  EXPECT_EQ(audio.error().kind, ErrorKind::InvalidInput);
  EXPECT_NE(audio.error().message.find("small-sfx-base"), std::string::npos) << audio.error().message;
  EXPECT_NE(audio.error().message.find("small-music"), std::string::npos) << audio.error().message;
}

TEST_F(GeneratorTest, CancelledJob_ReturnsCancelledAndGeneratorStaysUsable) {
  JobControl job;
  job.cancel();
  const auto audio = generator_->render(settings(7), job);
  ASSERT_FALSE(audio);
  EXPECT_TRUE(audio.error().cancelled());
  EXPECT_EQ(render(settings(7)).frames(), 66150);
}

TEST_F(GeneratorTest, ProgressReportsEverySamplerStep) {
  JobControl job;
  double last_step = 0, total = 0;
  job.on_progress = [&](double done, double t, const std::string& what) {
    if (what == "step") last_step = done, total = t;
  };
  GenerateSettings s = settings(7);
  s.steps = 3;
  ASSERT_TRUE(generator_->render(s, job));
  EXPECT_EQ(last_step, 3);
  EXPECT_EQ(total, 3);
}

TEST_F(GeneratorTest, BaseModel_RendersWithEulerAndCfgDeterministically) {
  JobControl job;
  auto base = Generator::open({dir_->path(), "small-music-base", "cpu"}, job);
  ASSERT_TRUE(base) << base.error().message;
  EXPECT_FALSE((*base)->post_trained());
  GenerateSettings s = settings(3);
  s.steps = 4;
  s.cfg_scale = 3;
  auto a = (*base)->render(s, job);
  auto b = (*base)->render(s, job);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->samples, b->samples);
  s.cfg_scale = 1;
  auto unguided = (*base)->render(s, job);
  ASSERT_TRUE(unguided);
  EXPECT_GT(max_difference(*a, *unguided), 1e-5);
}

TEST_F(GeneratorTest, MissingModel_NamesTheFolderAndTheFix) {
  JobControl job;
  const auto opened = Generator::open({dir_->path(), "medium", "cpu"}, job);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message.find("sa3 models download medium"), std::string::npos) << opened.error().message;
}

TEST_F(GeneratorTest, Demos_WriteOneWavPerPromptAndSeedThenDemoJson) {
  test::TempDir run;
  DemoRequest request;
  request.run_dir = run.path();
  request.step = 250;
  request.prompts = {"kick drum", "pad"};
  request.seeds = {1, 2};
  request.seconds = 1;
  request.lora = *lora_;
  JobControl job;
  const auto folder = render_demos(*generator_, request, job);
  ASSERT_TRUE(folder) << folder.error().message;
  EXPECT_EQ(*folder, run.path() / "demos" / "step-000250");
  for (const char* name : {"0-1.wav", "0-2.wav", "1-1.wav", "1-2.wav"}) {
    const auto info = read_audio_info(*folder / name);
    ASSERT_TRUE(info) << name;
    EXPECT_EQ(info->channels, 2);
    EXPECT_EQ(info->frames, 44100);
  }
  const auto demo = nlohmann::json::parse(test::read_text(*folder / "demo.json"));
  EXPECT_EQ(demo["step"], 250);
  EXPECT_EQ(demo["files"].size(), 4u);
  EXPECT_EQ(demo["files"][2]["prompt"], "pad");
}

}  // namespace
}  // namespace sa3
