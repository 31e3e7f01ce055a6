// SPDX-License-Identifier: GPL-3.0-or-later
// LoraNetwork: attaching adapters to AdaptableLinear/AdaptableConv1d layers, training them,
// saving and loading LoRA files.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <torch/nn/module.h>

#include "io/safetensors_writer.h"
#include "model/lora/adaptable_conv1d.h"
#include "model/lora/adaptable_linear.h"
#include "model/lora/lora_file.h"
#include "model/lora/lora_network.h"
#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {
namespace {

// A tiny stand-in for a DiT: names like the real ones, one conv and two linears.
struct ToyImpl : torch::nn::Module {
  ToyImpl() {
    preprocess_conv = register_module("preprocess_conv",
                                      AdaptableConv1d(torch::nn::Conv1dOptions(6, 6, 1).bias(false)));
    to_q = register_module("to_q", AdaptableLinear(6, 8));
    to_out = register_module("to_out", AdaptableLinear(8, 6));
  }
  at::Tensor forward(const at::Tensor& x) {  // x [B, 6, T]
    auto h = preprocess_conv(x).transpose(1, 2);
    return to_out(at::silu(to_q(h)));
  }
  AdaptableConv1d preprocess_conv{nullptr};
  AdaptableLinear to_q{nullptr};
  AdaptableLinear to_out{nullptr};
};
TORCH_MODULE(Toy);

LoraAdapterOptions options_for(AdapterType type) {
  LoraAdapterOptions o;
  o.type = type;
  o.rank = 2;
  o.alpha = 4.0;
  return o;
}

const auto kAll = [](const std::string&) { return true; };

TEST(LoraNetwork, AttachSelected_AdaptsOnlyMatchingLayers) {
  Toy toy;
  LoraNetwork net(options_for(AdapterType::Lora));
  const int n = net.attach(*toy, "model", [](const std::string& name) { return name != "model.to_q"; },
                           at::detail::createCPUGenerator(1));
  EXPECT_EQ(n, 2);
  EXPECT_NE(net.find("model.preprocess_conv"), nullptr);
  EXPECT_NE(net.find("model.to_out"), nullptr);
  EXPECT_EQ(net.find("model.to_q"), nullptr);
  EXPECT_EQ(toy->to_q->adapter(), nullptr);
}

TEST(LoraNetwork, EveryTypeAtInit_ReproducesBaseOutput) {
  for (const auto& name : adapter_type_names()) {
    SCOPED_TRACE(name);
    Toy toy;
    const auto x = at::randn({2, 6, 5}, at::detail::createCPUGenerator(3));
    const auto before = toy->forward(x).detach();
    LoraNetwork net(options_for(parse_adapter_type(name)));
    net.attach(*toy, "model", kAll, at::detail::createCPUGenerator(1));
    EXPECT_LE((toy->forward(x) - before).abs().max().item<double>(), 1e-5);
  }
}

TEST(LoraNetwork, GradientStep_ChangesOutputOnlyThroughAdapters) {
  for (const auto& name : adapter_type_names()) {
    SCOPED_TRACE(name);
    Toy toy;
    for (auto& p : toy->parameters()) p.set_requires_grad(false);
    const auto base_weight = toy->to_q->weight.clone();
    LoraNetwork net(options_for(parse_adapter_type(name)));
    net.attach(*toy, "model", kAll, at::detail::createCPUGenerator(1));
    const auto x = at::randn({2, 6, 5}, at::detail::createCPUGenerator(3));
    const auto before = toy->forward(x).detach();
    toy->forward(x).pow(2).sum().backward();
    bool any_grad = false;
    for (auto& p : net.parameters()) {
      if (p.grad().defined() && p.grad().abs().sum().item<double>() > 0) any_grad = true;
      at::NoGradGuard g;
      if (p.grad().defined()) p.sub_(p.grad() * 0.1);
    }
    EXPECT_TRUE(any_grad);
    EXPECT_GT((toy->forward(x) - before).abs().max().item<double>(), 1e-4);
    EXPECT_TRUE(at::equal(toy->to_q->weight, base_weight));
  }
}

TEST(LoraNetwork, Detach_RestoresPlainLayers) {
  Toy toy;
  LoraNetwork net(options_for(AdapterType::DoraRows));
  net.attach(*toy, "model", kAll, at::detail::createCPUGenerator(1));
  EXPECT_NE(toy->to_q->adapter(), nullptr);
  net.detach();
  EXPECT_EQ(toy->to_q->adapter(), nullptr);
  EXPECT_EQ(toy->preprocess_conv->adapter(), nullptr);
}

TEST(LoraNetwork, SavedFileLoadedIntoFreshNetwork_ReproducesEffectiveWeights) {
  test::TempDir dir;
  for (const auto& name : adapter_type_names()) {
    SCOPED_TRACE(name);
    Toy toy;
    LoraNetwork net(options_for(parse_adapter_type(name)));
    net.attach(*toy, "model", kAll, at::detail::createCPUGenerator(1));
    {
      at::NoGradGuard g;
      for (auto& p : net.parameters()) p.add_(at::randn(p.sizes(), at::detail::createCPUGenerator(5)) * 0.1);
    }
    LoraConfig config;
    config.rank = 2;
    config.alpha = 4;
    config.adapter_type = name;
    const auto path = dir / (name + ".safetensors");
    write_lora_file(path, net.state_dict(uses_xs(parse_adapter_type(name))), config);

    const auto file = read_lora_file(path);
    EXPECT_EQ(file.config, config);
    LoraNetwork loaded(options_for(parse_adapter_type(file.config.adapter_type)));
    loaded.attach(*toy, "model", kAll, at::detail::createCPUGenerator(99));
    EXPECT_TRUE(loaded.load_state_dict(file.tensors).empty());
    const auto w = toy->to_q->weight;
    const auto a = net.find("model.to_q")->effective_weight(w);
    const auto b = loaded.find("model.to_q")->effective_weight(w);
    // The file holds fp16, so the reload matches to fp16 rounding of the adapter tensors.
    EXPECT_LE((a - b).abs().max().item<double>(), 5e-3);
  }
}

TEST(LoraNetwork, MismatchedRank_IsRejectedNamingTheKey) {
  Toy toy;
  LoraNetwork net(options_for(AdapterType::Lora));
  net.attach(*toy, "model", kAll, at::detail::createCPUGenerator(1));
  const std::string key = "model.to_q.parametrizations.weight.0.lora_A";
  try {
    net.load_state_dict({{key, at::zeros({3, 6})}});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
  }
}

TEST(LoraNetwork, XsRankAboveLayerSize_IsRejectedNamingTheModule) {
  Toy toy;
  auto o = options_for(AdapterType::LoraXs);
  o.rank = 7;
  LoraNetwork net(o);
  try {
    net.attach(*toy, "model", kAll, at::detail::createCPUGenerator(1));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("model.preprocess_conv"), std::string::npos) << e.what();
  }
}

TEST(LoraFile, FileWithoutLoraConfig_IsRejectedNamingTheFile) {
  test::TempDir dir;
  const auto path = dir / "plain.safetensors";
  write_safetensors(path, {}, {{"kind", "not a lora"}});
  try {
    read_lora_file(path);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("plain.safetensors"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("lora_config"), std::string::npos) << e.what();
  }
}

TEST(LoraConfig, UpstreamText_RoundTripsExactly) {
  const std::string text =
      "{\"rank\": 16, \"alpha\": 16, \"adapter_type\": \"dora\", \"dropout\": 0.0, "
      "\"include\": null, \"exclude\": [\"to_local_embed\"]}";
  const auto config = lora_config_from_json(text, "t");
  EXPECT_EQ(config.adapter_type, "dora");
  EXPECT_TRUE(config.alpha_is_integer);
  EXPECT_EQ(lora_config_to_json(config), text);
}

}  // namespace
}  // namespace sa3
