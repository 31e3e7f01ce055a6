// SPDX-License-Identifier: GPL-3.0-or-later
// Parity checker for kind `lora_save_inputs`: our LoRA writer must reproduce the reference's
// save_lora_safetensors file byte for byte, our reader must read it back, and include/exclude
// must select the same modules (fixtures README §9).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "parity/parity_registry.h"

#include "model/lora/lora_config.h"
#include "model/lora/lora_file.h"
#include "sa3/job.h"

namespace sa3 {
namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The Linear/Conv1d names of the reference's tiny DiT wrapper and conditioner (spec §6.2).
std::vector<std::string> candidate_modules(const nlohmann::json& config) {
  std::vector<std::string> names = {
      "model.to_timestep_embed.0", "model.to_timestep_embed.2", "model.to_cond_embed.0",
      "model.to_cond_embed.2", "model.to_global_embed.0", "model.to_global_embed.2",
      "model.transformer.project_in", "model.transformer.project_out",
      "model.transformer.global_cond_embedder.0", "model.transformer.global_cond_embedder.2",
      "model.preprocess_conv", "model.postprocess_conv"};
  const int depth = config.at("dit").at("depth").get<int>();
  for (int i = 0; i < depth; ++i) {
    const std::string layer = "model.transformer.layers." + std::to_string(i) + ".";
    for (const char* leaf : {"self_attn.to_qkv", "self_attn.to_out", "cross_attn.to_q",
                             "cross_attn.to_kv", "cross_attn.to_out", "ff.ff.0.proj", "ff.ff.2",
                             "to_local_embed.0", "to_local_embed.2"}) {
      names.push_back(layer + leaf);
    }
  }
  for (const auto& [id, cfg] : config.at("conditioner").items()) {
    names.push_back("conditioners." + id + ".embedder.embedding.1");
  }
  return names;
}

void check_lora_save_inputs(const test::ParityFixture& file) {
  const auto& config = file.config();
  const auto lora_config =
      lora_config_from_json(config.at("file_metadata_value").get<std::string>(), "fixture");
  EXPECT_EQ(lora_config_to_json(lora_config), config.at("file_metadata_value").get<std::string>());

  NamedTensors tensors;
  for (const auto& view : file.file().tensors()) tensors.emplace_back(view.name, file.tensor(view.name));

  auto reference_name = file.file().metadata_value("fixture").value();
  reference_name = reference_name.substr(0, reference_name.rfind(".inputs")) + ".safetensors";
  const auto reference = file.path().parent_path() / reference_name;
  const auto expected = read_bytes(reference);
  ASSERT_FALSE(expected.empty()) << reference;
  const auto written = serialize_lora_file(tensors, lora_config);
  EXPECT_EQ(written.size(), expected.size());
  EXPECT_TRUE(written == expected) << "LoRA file bytes differ from " << reference;

  const auto loaded = read_lora_file(reference);
  EXPECT_EQ(loaded.config, lora_config);
  ASSERT_EQ(loaded.tensors.size(), tensors.size());
  for (const auto& [name, t] : loaded.tensors) {
    const auto original = file.tensor(name);
    EXPECT_TRUE(at::equal(t, original.to(at::kHalf).to(at::kFloat))) << name;
  }

  std::set<std::string> selected;
  for (const auto& name : candidate_modules(config)) {
    if (module_selected(name, lora_config.include, lora_config.exclude)) selected.insert(name);
  }
  const auto adapted = config.at("adapted_modules").get<std::set<std::string>>();
  EXPECT_EQ(selected, adapted);
}

const test::ParityCheckerRegistrar registrar("lora_save_inputs", check_lora_save_inputs);

}  // namespace
}  // namespace sa3
