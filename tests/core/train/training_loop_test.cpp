// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingLoop on a small stand-in model with AdaptableLinear layers: every adapter type
// trains and saves a loadable LoRA, the loss falls on a memorisable dataset, resume equals
// an uninterrupted run, stop is clean, NaN stops with a checkpoint, settings are guarded.
#include <fstream>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/lora/adaptable_linear.h"
#include "model/lora/lora_file.h"
#include "sa3/error.h"
#include "step_losses.h"
#include "test_support.h"
#include "train/training_checkpoint.h"
#include "train/training_loop.h"

namespace sa3 {
namespace {

constexpr int64_t kChannels = 4;
constexpr int64_t kPromptDim = 8;

struct ToyNetImpl : torch::nn::Module {
  ToyNetImpl() {
    project_in = register_module("project_in", AdaptableLinear(kChannels + kChannels + 1, 32));
    to_cond = register_module("to_cond", AdaptableLinear(kPromptDim, 32));
    block = register_module("block", AdaptableLinear(32, 32));
    project_out = register_module("project_out", AdaptableLinear(32, kChannels));
  }
  AdaptableLinear project_in{nullptr}, to_cond{nullptr}, block{nullptr}, project_out{nullptr};
};
TORCH_MODULE(ToyNet);

class ToyModel : public TrainingModel {
 public:
  ToyModel() { torch::manual_seed(0); net = ToyNet(); }
  std::vector<std::pair<std::string, torch::nn::Module*>> lora_roots() override {
    return {{"model", net.get()}};
  }
  at::Tensor velocity(const VelocityBatch& b) override {
    ++calls;
    if (nan_at_call > 0 && calls == nan_at_call) return at::full_like(b.noised, NAN);
    auto cond = net->to_cond(b.prompt.mean(1));                                   // [B,32]
    cond = at::where(b.cfg_drop.unsqueeze(1), at::zeros_like(cond), cond);
    const auto x = at::cat({b.noised, b.local_cond}, 1).transpose(1, 2);          // [B,T,2C+1]
    auto h = net->project_in(x) + cond.unsqueeze(1) + b.t.view({-1, 1, 1});
    h = h + net->block(at::silu(h));
    return net->project_out(h).transpose(1, 2);
  }
  int64_t latent_channels() const override { return kChannels; }
  at::Device device() const override { return at::kCPU; }

  ToyNet net{nullptr};
  int calls = 0;
  int nan_at_call = 0;
};

std::vector<TrainingExample> dataset(int clips) {
  auto gen = at::detail::createCPUGenerator(11);
  std::vector<TrainingExample> out;
  for (int i = 0; i < clips; ++i) {
    TrainingExample ex;
    ex.id = "clip" + std::to_string(i) + ".wav";
    ex.latents = at::randn({kChannels, 10 + 3 * i}, gen);
    ex.prompt = at::randn({5, kPromptDim}, gen);
    ex.seconds_total = 1.0 + i;
    out.push_back(ex);
  }
  return out;
}

TrainingSettings settings(const std::string& type, int steps) {
  TrainingSettings s;
  s.model = "small-music-base";
  s.adapter_type = type;
  s.rank = 2;
  s.steps = steps;
  s.learning_rate = 1e-2;
  s.crop_frames = 12;
  s.checkpoint_every = 3;
  s.keep_checkpoints = 2;
  s.batch_size = 2;
  return s;
}

TEST(TrainingLoop, EveryAdapterType_TrainsAndWritesALoadableLora) {
  test::TempDir dir;
  for (const auto& type : adapter_type_names()) {
    SCOPED_TRACE(type);
    ToyModel model;
    TrainingControl control;
    const auto run_dir = dir / type;
    auto run = RunFolder::open(run_dir, true);
    TrainingLoop loop(model, dataset(3), settings(type, 4), run, control);
    const auto outcome = loop.run();
    ASSERT_EQ(outcome.kind, TrainingOutcome::Kind::Finished) << outcome.error;
    EXPECT_TRUE(std::isfinite(outcome.last_loss));
    EXPECT_EQ(run.read_status().status, "finished");

    const auto file = read_lora_file(run_dir / "lora.safetensors");
    EXPECT_EQ(file.config.adapter_type, type);
    const auto config = nlohmann::json::parse(test::read_text(run_dir / "config.json"));
    EXPECT_EQ(config["inference_model"], "small-music");
    EXPECT_EQ(config["steps"], 4);

    ToyModel fresh;
    LoraAdapterOptions options;
    options.type = parse_adapter_type(type);
    options.rank = 2;
    options.alpha = 2;
    LoraNetwork loaded(options);
    loaded.attach(*fresh.net, "model", [](const std::string&) { return true; },
                  at::detail::createCPUGenerator(3));
    EXPECT_TRUE(loaded.load_state_dict(file.tensors).empty());
    for (const auto& [name, adapter] : loop.network().adapters()) {
      const auto w = fresh.net->named_modules()[name.substr(6)]->named_parameters()["weight"];
      const auto trained = adapter->effective_weight(w);
      const auto reloaded = loaded.find(name)->effective_weight(w);
      EXPECT_LE((trained - reloaded).abs().max().item<double>(), 2e-3) << name;
      EXPECT_GT((trained - w).abs().max().item<double>(), 1e-5) << name << " did not train";
    }
  }
}

TEST(TrainingLoop, MemorisableDataset_LossFalls) {
  test::TempDir dir;
  ToyModel model;
  TrainingControl control;
  auto run = RunFolder::open(dir.path(), true);
  auto s = settings("lora", 60);
  s.rank = 8;
  s.checkpoint_every = 100;
  TrainingLoop loop(model, dataset(1), s, run, control);
  ASSERT_EQ(loop.run().kind, TrainingOutcome::Kind::Finished);
  const auto losses = test::step_losses(dir.path());
  ASSERT_EQ(losses.size(), 60u);
  double first = 0, last = 0;
  for (int i = 0; i < 10; ++i) {
    first += losses[i];
    last += losses[50 + i];
  }
  EXPECT_LT(last, 0.8 * first) << "first ten " << first / 10 << ", last ten " << last / 10;
}

TEST(TrainingLoop, StoppedAndResumed_EqualsUninterrupted) {
  test::TempDir dir;
  std::vector<double> straight;
  {
    ToyModel model;
    TrainingControl control;
    auto run = RunFolder::open(dir / "a", true);
    TrainingLoop loop(model, dataset(3), settings("dora-rows", 7), run, control);
    ASSERT_EQ(loop.run().kind, TrainingOutcome::Kind::Finished);
    straight = test::step_losses(dir / "a");
  }
  {
    ToyModel model;
    TrainingControl control;
    control.on_event = [&](const nlohmann::ordered_json& e) {
      if (e["event"] == "step" && e["step"] == 4) control.request_stop();
    };
    auto run = RunFolder::open(dir / "b", true);
    TrainingLoop loop(model, dataset(3), settings("dora-rows", 7), run, control);
    const auto outcome = loop.run();
    EXPECT_EQ(outcome.kind, TrainingOutcome::Kind::Stopped);
    EXPECT_EQ(outcome.step, 4);
    EXPECT_EQ(run.read_status().status, "stopped");
    EXPECT_TRUE(checkpoint_complete(run.checkpoint_dir(4)));
    EXPECT_FALSE(std::filesystem::exists(dir / "b" / "lora.safetensors"));
  }
  {
    ToyModel model;
    TrainingControl control;
    auto run = RunFolder::open(dir / "b", false);
    TrainingLoop loop(model, dataset(3), settings("dora-rows", 7), run, control);
    EXPECT_EQ(loop.resume(), 4);
    ASSERT_EQ(loop.run().kind, TrainingOutcome::Kind::Finished);
  }
  const auto resumed = test::step_losses(dir / "b");
  ASSERT_EQ(resumed.size(), straight.size());
  for (size_t i = 0; i < straight.size(); ++i) EXPECT_EQ(resumed[i], straight[i]) << "step " << i + 1;
  // keep_checkpoints = 2: steps 6 and 7 remain.
  auto run = RunFolder::open(dir / "b", false);
  ASSERT_EQ(run.checkpoints().size(), 2u);
  EXPECT_EQ(run.checkpoints().front().first, 6);
}

TEST(TrainingLoop, ResumeWithOtherSettings_ListsEveryDifference) {
  test::TempDir dir;
  {
    ToyModel model;
    TrainingControl control;
    auto run = RunFolder::open(dir.path(), true);
    TrainingLoop loop(model, dataset(2), settings("lora", 3), run, control);
    loop.run();
  }
  ToyModel model;
  TrainingControl control;
  auto run = RunFolder::open(dir.path(), false);
  auto changed = settings("lora", 3);
  changed.seed = 7;
  changed.batch_size = 1;
  TrainingLoop loop(model, dataset(2), changed, run, control);
  try {
    loop.resume();
    FAIL() << "expected an error";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("seed"), std::string::npos) << what;
    EXPECT_NE(what.find("batch_size"), std::string::npos) << what;
    EXPECT_EQ(what.find("rank"), std::string::npos) << what;
  }
}

TEST(TrainingLoop, NanLoss_FailsWithCheckpointOfLastGoodStep) {
  test::TempDir dir;
  ToyModel model;
  model.nan_at_call = 3;
  TrainingControl control;
  auto run = RunFolder::open(dir.path(), true);
  auto s = settings("lora", 10);
  s.checkpoint_every = 100;
  TrainingLoop loop(model, dataset(2), s, run, control);
  const auto outcome = loop.run();
  EXPECT_EQ(outcome.kind, TrainingOutcome::Kind::Failed);
  EXPECT_NE(outcome.error.find("NaN"), std::string::npos);
  EXPECT_EQ(outcome.step, 2);
  EXPECT_TRUE(checkpoint_complete(run.checkpoint_dir(2)));
  EXPECT_EQ(run.read_status().status, "failed");
}

TEST(RunFolder, SecondDriver_IsRefusedWhileLocked) {
  test::TempDir dir;
  auto first = RunFolder::open(dir.path(), true);
  EXPECT_THROW(RunFolder::open(dir.path(), false), Error);
}

TEST(TrainingLoop, IncludeMatchingNothing_IsRejectedNamingTheField) {
  test::TempDir dir;
  ToyModel model;
  TrainingControl control;
  auto run = RunFolder::open(dir.path(), true);
  auto s = settings("lora", 3);
  s.include = std::vector<std::string>{"no_such_layer"};
  try {
    TrainingLoop loop(model, dataset(2), s, run, control);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("include", 0), 0u) << e.what();
  }
}

}  // namespace
}  // namespace sa3
