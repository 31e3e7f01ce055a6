// SPDX-License-Identifier: GPL-3.0-or-later
// InferenceLoras on a small module tree laid out like the DiT: merged weights equal the LoRA
// formula, strength 0 and restore() give the base weights back bit for bit, the sigma interval
// gates the DiT tree only, stacks compose, and files for another model are refused.
#include "sample/inference_loras.h"

#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include "model/lora/adaptable_conv1d.h"
#include "model/lora/adaptable_linear.h"
#include "model/lora/lora_file.h"
#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {
namespace {

struct Block : torch::nn::Module {
  Block() {
    to_q = register_module("to_q", AdaptableLinear(torch::nn::LinearOptions(8, 6).bias(false)));
    conv = register_module("conv", AdaptableConv1d(torch::nn::Conv1dOptions(8, 8, 1).bias(false)));
  }
  AdaptableLinear to_q{nullptr};
  AdaptableConv1d conv{nullptr};
};

struct Tree : torch::nn::Module {
  Tree() {
    block = register_module("block", std::make_shared<Block>());
    embed = register_module("embed", AdaptableLinear(4, 8));
  }
  std::shared_ptr<Block> block;
  AdaptableLinear embed{nullptr};
};

class InferenceLorasTest : public ::testing::Test {
 protected:
  InferenceLorasTest() {
    torch::manual_seed(3);
    dit = std::make_shared<Tree>();
    cond = std::make_shared<Tree>();
    for (const auto& p : dit->named_parameters()) base["model." + p.key()] = p.value().detach().clone();
    for (const auto& p : cond->named_parameters()) base["conditioners.x." + p.key()] = p.value().detach().clone();
  }

  std::unique_ptr<InferenceLoras> make() {
    return std::make_unique<InferenceLoras>(
        std::vector<InferenceLoras::Root>{{"model", dit.get(), true}, {"conditioners.x", cond.get(), false}},
        [this](const std::string& module) { return base.at(module + ".weight"); });
  }

  // A rank-2 plain LoRA (alpha 4 → scale 2) on the given modules, with random A and B.
  std::filesystem::path write_lora(const std::string& name, const std::vector<std::string>& modules) {
    NamedTensors tensors;
    for (const auto& m : modules) {
      const auto& w = base.at(m + ".weight");
      const int64_t out = w.size(0), in = w.numel() / w.size(0);
      // fp16-representable values, since LoRA files store fp16.
      tensors.emplace_back(m + ".parametrizations.weight.0.lora_A", at::randn({2, in}).to(at::kHalf).to(at::kFloat));
      tensors.emplace_back(m + ".parametrizations.weight.0.lora_B", at::randn({out, 2}).to(at::kHalf).to(at::kFloat));
      deltas[name][m] = 2.0 * at::matmul(tensors[tensors.size() - 1].second, tensors[tensors.size() - 2].second);
    }
    LoraConfig config;
    config.rank = 2;
    config.alpha = 4;
    config.adapter_type = "lora";
    const auto path = dir / (name + ".safetensors");
    write_lora_file(path, tensors, config);
    return path;
  }

  at::Tensor weight(const std::string& module) {
    auto params = module.rfind("model.", 0) == 0 ? dit->named_parameters() : cond->named_parameters();
    const std::string local = module.substr(module.rfind("model.", 0) == 0 ? 6 : 15);
    const auto w = params[local + ".weight"];
    return w.detach().reshape({w.size(0), -1});
  }
  at::Tensor base2d(const std::string& module) {
    const auto& w = base.at(module + ".weight");
    return w.reshape({w.size(0), -1});
  }

  test::TempDir dir;
  std::shared_ptr<Tree> dit, cond;
  std::map<std::string, at::Tensor> base;
  std::map<std::string, std::map<std::string, at::Tensor>> deltas;
};

TEST_F(InferenceLorasTest, FullInterval_MergesTheLoraFormula) {
  const auto path = write_lora("a", {"model.block.to_q", "model.block.conv", "conditioners.x.embed"});
  auto loras = make();
  loras->select({{path, 0.5}});
  loras->apply_for_timestep(0.7);
  for (const std::string m : {"model.block.to_q", "model.block.conv", "conditioners.x.embed"}) {
    EXPECT_TRUE(at::allclose(weight(m), base2d(m) + 0.5 * deltas["a"][m], 1e-5, 1e-6)) << m;
  }
  EXPECT_TRUE(at::equal(weight("model.embed"), base2d("model.embed")));
}

TEST_F(InferenceLorasTest, StrengthZero_LeavesBaseWeightsExactly) {
  const auto path = write_lora("a", {"model.block.to_q", "conditioners.x.embed"});
  auto loras = make();
  loras->select({{path, 0.0}});
  loras->apply_for_timestep(0.5);
  EXPECT_TRUE(at::equal(weight("model.block.to_q"), base2d("model.block.to_q")));
  EXPECT_TRUE(at::equal(weight("conditioners.x.embed"), base2d("conditioners.x.embed")));
}

TEST_F(InferenceLorasTest, Restore_GivesBaseWeightsBackExactly) {
  const auto path = write_lora("a", {"model.block.to_q"});
  auto loras = make();
  loras->select({{path, 1.0}});
  loras->apply_for_timestep(0.5);
  ASSERT_FALSE(at::equal(weight("model.block.to_q"), base2d("model.block.to_q")));
  loras->restore();
  EXPECT_TRUE(at::equal(weight("model.block.to_q"), base2d("model.block.to_q")));
}

TEST_F(InferenceLorasTest, SigmaInterval_GatesTheDitButNotTheConditioner) {
  const auto path = write_lora("a", {"model.block.to_q", "conditioners.x.embed"});
  auto loras = make();
  loras->select({{path, 1.0, 0.2, 0.6}});
  loras->apply_for_timestep(0.9);
  EXPECT_TRUE(at::equal(weight("model.block.to_q"), base2d("model.block.to_q")));
  EXPECT_FALSE(at::equal(weight("conditioners.x.embed"), base2d("conditioners.x.embed")));
  loras->apply_for_timestep(0.4);
  EXPECT_TRUE(at::allclose(weight("model.block.to_q"), base2d("model.block.to_q") + deltas["a"]["model.block.to_q"],
                           1e-5, 1e-6));
  loras->apply_for_timestep(0.1);
  EXPECT_TRUE(at::equal(weight("model.block.to_q"), base2d("model.block.to_q")));
}

TEST_F(InferenceLorasTest, TwoPlainLoras_AddTheirDeltas) {
  const auto a = write_lora("a", {"model.block.to_q"});
  const auto b = write_lora("b", {"model.block.to_q", "model.embed"});
  auto loras = make();
  loras->select({{a, 1.0}, {b, 0.25}});
  loras->apply_for_timestep(1.0);
  const std::string m = "model.block.to_q";
  EXPECT_TRUE(at::allclose(weight(m), base2d(m) + deltas["a"][m] + 0.25 * deltas["b"][m], 1e-5, 1e-5));
  EXPECT_TRUE(at::allclose(weight("model.embed"), base2d("model.embed") + 0.25 * deltas["b"]["model.embed"], 1e-5,
                           1e-6));
}

TEST_F(InferenceLorasTest, ReselectingFewerLoras_RestoresLayersNoLongerAdapted) {
  const auto a = write_lora("a", {"model.block.to_q"});
  const auto b = write_lora("b", {"model.embed"});
  auto loras = make();
  loras->select({{a, 1.0}, {b, 1.0}});
  loras->apply_for_timestep(0.5);
  loras->select({{a, 1.0}});
  loras->apply_for_timestep(0.5);
  EXPECT_TRUE(at::equal(weight("model.embed"), base2d("model.embed")));
  EXPECT_FALSE(at::equal(weight("model.block.to_q"), base2d("model.block.to_q")));
}

TEST_F(InferenceLorasTest, ModuleTheModelLacks_IsRefusedNamingIt) {
  base["model.block.to_kv.weight"] = at::randn({6, 8});
  const auto path = write_lora("a", {"model.block.to_kv"});
  auto loras = make();
  try {
    loras->select({{path, 1.0}});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(e.what()).find("model.block.to_kv"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("a.safetensors"), std::string::npos) << e.what();
  }
}

TEST_F(InferenceLorasTest, WrongShape_IsRefusedNamingTheKey) {
  base["model.block.to_q.weight"] = at::randn({6, 5});  // the file is written for in = 5
  const auto path = write_lora("a", {"model.block.to_q"});
  base["model.block.to_q.weight"] = dit->block->to_q->weight.detach().clone();
  auto loras = make();
  try {
    loras->select({{path, 1.0}});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("model.block.to_q.parametrizations.weight.0.lora_A"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace sa3
