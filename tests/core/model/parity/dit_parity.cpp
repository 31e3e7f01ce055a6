// SPDX-License-Identifier: GPL-3.0-or-later
// Parity checker for kind "dit": the DiT forward (velocity) with and without a padding mask,
// with CFG 5 + APG, and every recorded intermediate, against the reference's tensors.
#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include <map>

#include "model/dit.h"
#include "model/state_dict.h"
#include "parity/parity_registry.h"
#include "parity/parity_tolerance.h"

namespace sa3::test {
namespace {

// Fixture intermediate -> the DiT's tap path for it.
const std::map<std::string, std::string>& intermediate_paths() {
  static const std::map<std::string, std::string> paths{
      {"inter.timestep_embed", "to_timestep_embed"},
      {"inter.global_embed", "to_global_embed"},
      {"inter.cond_embed", "to_cond_embed"},
      {"inter.global_cond_mod", "transformer.global_cond_embedder"},
      {"inter.project_in", "transformer.project_in"},
  };
  return paths;
}

void check_dit(const ParityFixture& f) {
  const auto options = DiffusionTransformerOptions::from_json(f.config().at("dit"), f.path().string());
  DiffusionTransformer dit(options);
  const std::string prefix = f.config().value("weights_prefix", std::string("model.model."));
  const auto unused = load_state_dict(*dit, f.file(), prefix);
  EXPECT_TRUE(unused.empty()) << "fixture weights the model has no place for, e.g. " << unused.front();
  dit->eval();

  const at::Tensor x = f.tensor("in.x");
  const at::Tensor t = f.tensor("in.t");
  const DiTConditioning padded{f.tensor("in.cross"), f.tensor("in.glob"), f.tensor("in.local"),
                               f.tensor("in.padding_mask")};
  DiTConditioning unpadded = padded;
  unpadded.padding_mask = at::Tensor();

  std::map<std::string, at::Tensor> taps;
  dit->tap = [&](const std::string& path, const at::Tensor& v) { taps[path] = v.detach().clone(); };
  at::NoGradGuard no_grad;
  const at::Tensor v_padded = dit->forward(x, t, padded);
  dit->tap = nullptr;

  ASSERT_TRUE(taps.count("timestep_features"));
  EXPECT_TRUE(matches_abs(taps["timestep_features"], f.tensor("inter.timestep_features"), 1e-5))
      << "inter.timestep_features";
  for (const auto& [key, path] : intermediate_paths()) {
    if (!f.has(key)) continue;
    EXPECT_TRUE(matches_reference(taps.at(path), f.tensor(key))) << key << " vs tap " << path;
  }
  for (std::int64_t i = 0; i < options.depth; ++i) {
    const std::string key = "inter.block" + std::to_string(i) + "_out";
    if (f.has(key))
      EXPECT_TRUE(matches_reference(taps.at("transformer.layers." + std::to_string(i)), f.tensor(key))) << key;
  }
  EXPECT_TRUE(matches_reference(v_padded, f.tensor("out.v_padded"))) << "out.v_padded";
  EXPECT_TRUE(matches_reference(dit->forward(x, t, unpadded), f.tensor("out.v_nopad"))) << "out.v_nopad";

  CfgOptions cfg;
  cfg.scale = f.config().value("cfg_scale_for_out.v_cfg5", 5.0);
  cfg.apg_scale = f.config().value("apg_scale", 1.0);
  EXPECT_TRUE(matches_reference(dit->forward_cfg(x, t, padded, cfg), f.tensor("out.v_cfg5_padded")))
      << "out.v_cfg5_padded";
  EXPECT_TRUE(matches_reference(dit->forward_cfg(x, t, unpadded, cfg), f.tensor("out.v_cfg5_nopad")))
      << "out.v_cfg5_nopad";
}

const ParityCheckerRegistrar registrar("dit", check_dit);

}  // namespace
}  // namespace sa3::test
