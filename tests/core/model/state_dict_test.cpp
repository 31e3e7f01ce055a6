// SPDX-License-Identifier: GPL-3.0-or-later
// Loading a module from safetensors under upstream key names: copies, dtype conversion,
// messages naming key and both shapes.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <torch/nn/modules/linear.h>

#include "model/state_dict.h"
#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {
namespace {

struct TinyImpl : torch::nn::Module {
  TinyImpl() {
    proj = register_module("proj", torch::nn::Linear(4, 3));
    register_buffer("inv_freq", at::zeros({2}));
  }
  torch::nn::Linear proj{nullptr};
};

TEST(StateDict, SavedModule_LoadsIntoAFreshOneUnderAPrefix) {
  test::TempDir dir;
  TinyImpl a;
  auto tensors = state_dict_tensors(a, "model.model.");
  tensors.emplace_back("model.model.extra", at::ones({1}));
  tensors.emplace_back("pretransform.x", at::ones({1}));
  save_tensors(dir / "m.safetensors", tensors, {});
  TinyImpl b;
  const auto unused = load_state_dict(b, SafetensorsFile::open(dir / "m.safetensors"), "model.model.");
  EXPECT_TRUE(at::equal(a.proj->weight, b.proj->weight));
  EXPECT_TRUE(at::equal(a.proj->bias, b.proj->bias));
  EXPECT_EQ(unused, std::vector<std::string>{"model.model.extra"});
}

TEST(StateDict, Bf16Module_GetsConvertedValues) {
  test::TempDir dir;
  TinyImpl a;
  save_tensors(dir / "m.safetensors", state_dict_tensors(a, ""), {});
  TinyImpl b;
  b.to(at::kBFloat16);
  load_state_dict(b, SafetensorsFile::open(dir / "m.safetensors"), "");
  EXPECT_EQ(b.proj->weight.scalar_type(), at::kBFloat16);
  EXPECT_TRUE(at::equal(b.proj->weight, a.proj->weight.to(at::kBFloat16)));
}

TEST(StateDict, WrongShape_ErrorNamesKeyAndBothShapes) {
  test::TempDir dir;
  save_tensors(dir / "m.safetensors",
               {{"proj.weight", at::zeros({5, 4})}, {"proj.bias", at::zeros({3})}, {"inv_freq", at::zeros({2})}}, {});
  TinyImpl b;
  try {
    load_state_dict(b, SafetensorsFile::open(dir / "m.safetensors"), "");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("'proj.weight'"), std::string::npos) << m;
    EXPECT_NE(m.find("[5,4]"), std::string::npos) << m;
    EXPECT_NE(m.find("[3,4]"), std::string::npos) << m;
  }
}

TEST(StateDict, MissingKey_ErrorNamesKeyAndFile) {
  test::TempDir dir;
  save_tensors(dir / "m.safetensors", {{"proj.weight", at::zeros({3, 4})}}, {});
  TinyImpl b;
  try {
    load_state_dict(b, SafetensorsFile::open(dir / "m.safetensors"), "");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'proj.bias'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("m.safetensors"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sa3
