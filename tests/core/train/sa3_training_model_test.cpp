// SPDX-License-Identifier: GPL-3.0-or-later
// Sa3TrainingModel: LoRA training of the real DiT architecture (tiny sizes): every adapter
// type attaches to the 9 per-block, 12 outer and 1 conditioner targets and trains, and
// gradient checkpointing changes neither the loss nor the adapter gradients.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>

#include "model/conditioners.h"
#include "model/dit.h"
#include "test_support.h"
#include "train/sa3_training_model.h"
#include "train/training_loop.h"

namespace sa3 {
namespace {

DiffusionTransformerOptions tiny_dit() {
  DiffusionTransformerOptions o;
  o.io_channels = 8;
  o.embed_dim = 64;
  o.depth = 2;
  o.num_heads = 1;
  o.cond_token_dim = 32;
  o.global_cond_dim = 32;
  o.local_add_cond_dim = 9;
  o.num_memory_tokens = 4;
  o.timestep_features_dim = 64;
  o.ff_mult = 1;
  return o;
}

struct TinySa3 {
  explicit TinySa3(bool checkpointing, bool differential = false) {
    torch::manual_seed(0);
    auto o = tiny_dit();
    o.differential = differential;
    dit = DiffusionTransformer(o);
    NumberConditionerOptions n;
    n.output_dim = 32;
    seconds = NumberConditioner(n);
    model = std::make_unique<Sa3TrainingModel>(dit, seconds, at::kCPU, checkpointing);
  }
  DiffusionTransformer dit{nullptr};
  NumberConditioner seconds{nullptr};
  std::unique_ptr<Sa3TrainingModel> model;
};

std::vector<TrainingExample> examples() {
  auto gen = at::detail::createCPUGenerator(5);
  std::vector<TrainingExample> out;
  for (int i = 0; i < 2; ++i) {
    out.push_back({"clip" + std::to_string(i), at::randn({8, 10}, gen), at::randn({6, 32}, gen), 3.0 + i});
  }
  return out;
}

TrainingSettings settings(const std::string& type) {
  TrainingSettings s;
  s.model = "small-music-base";
  s.adapter_type = type;
  s.rank = 2;
  s.steps = 3;
  s.learning_rate = 1e-3;
  s.crop_frames = 8;
  s.batch_size = 2;
  s.checkpoint_every = 100;
  return s;
}

TEST(Sa3TrainingModel, EveryAdapterType_AdaptsAllTargetsAndTrains) {
  test::TempDir dir;
  for (const auto& type : adapter_type_names()) {
    SCOPED_TRACE(type);
    TinySa3 tiny(true, type == "bora");
    TrainingControl control;
    auto run = RunFolder::open(dir / type, true);
    TrainingLoop loop(*tiny.model, examples(), settings(type), run, control);
    EXPECT_EQ(loop.network().adapters().size(), 2u * 9u + 12u + 1u);
    EXPECT_NE(loop.network().find("conditioners.seconds_total.embedder.embedding.1"), nullptr);
    EXPECT_NE(loop.network().find("model.transformer.layers.1.to_local_embed.2"), nullptr);
    const auto outcome = loop.run();
    ASSERT_EQ(outcome.kind, TrainingOutcome::Kind::Finished) << outcome.error;
    EXPECT_TRUE(std::filesystem::exists(dir / type / "lora.safetensors"));
  }
}

TEST(Sa3TrainingModel, GradientCheckpointing_KeepsLossAndGradients) {
  std::vector<double> losses;
  std::vector<std::vector<at::Tensor>> grads;
  for (bool checkpointing : {false, true}) {
    TinySa3 tiny(checkpointing);
    LoraAdapterOptions o;
    o.type = AdapterType::DoraRows;
    o.rank = 2;
    o.alpha = 2;
    LoraNetwork net(o);
    for (auto& [prefix, root] : tiny.model->lora_roots()) {
      for (auto& p : root->parameters()) p.set_requires_grad(false);
      net.attach(*root, prefix, [](const std::string&) { return true; }, at::detail::createCPUGenerator(1));
    }
    {
      at::NoGradGuard g;
      for (auto& p : net.parameters()) p.add_(at::randn(p.sizes(), at::detail::createCPUGenerator(2)) * 0.05);
    }
    auto gen = at::detail::createCPUGenerator(9);
    VelocityBatch b;
    b.noised = at::randn({2, 8, 6}, gen);
    b.t = at::rand({2}, gen);
    b.prompt = at::randn({2, 5, 32}, gen);
    b.seconds = at::tensor(std::vector<double>{3.0, 9.0}, at::kDouble);
    b.cfg_drop = at::tensor(std::vector<int64_t>{0, 1}).to(at::kBool);
    b.local_cond = at::randn({2, 9, 6}, gen);
    b.padding_mask = at::arange(6).unsqueeze(0) < at::tensor(std::vector<int64_t>{6, 4}).unsqueeze(1);
    const auto loss = tiny.model->velocity(b).pow(2).mean();
    loss.backward();
    losses.push_back(loss.item<double>());
    std::vector<at::Tensor> g;
    for (const auto& p : net.parameters()) g.push_back(p.grad().defined() ? p.grad().clone() : at::zeros_like(p));
    grads.push_back(g);
  }
  EXPECT_NEAR(losses[0], losses[1], 1e-6 * std::abs(losses[0]));
  ASSERT_EQ(grads[0].size(), grads[1].size());
  for (size_t i = 0; i < grads[0].size(); ++i) {
    EXPECT_LE((grads[0][i] - grads[1][i]).abs().max().item<double>(), 1e-5 + 1e-4 * grads[0][i].abs().max().item<double>()) << i;
  }
}

}  // namespace
}  // namespace sa3
