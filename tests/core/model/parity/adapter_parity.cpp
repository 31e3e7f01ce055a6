// SPDX-License-Identifier: GPL-3.0-or-later
// Parity checker for kind `adapter`: LoRA/DoRA/BoRA/-xs effective weights, inits and SVD bases
// against the reference's LoRAParametrization (fixtures README §6).
#include <cstdio>
#include <string>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "parity/parity_registry.h"

#include "model/lora/lora_adapter.h"

namespace sa3 {
namespace {

std::string strength_key(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "s%g", s);
  return buf;
}

void check_layer(const test::ParityFixture& file, const nlohmann::json& config, const std::string& which,
                 const std::string& module) {
  SCOPED_TRACE(file.path().string() + " " + which);
  const auto w0_raw = file.tensor(which + ".W0");
  const auto w0 = w0_raw.reshape({w0_raw.size(0), -1});
  LoraAdapterOptions options;
  options.type = parse_adapter_type(config.at("adapter_type").get<std::string>());
  options.rank = config.at("rank").get<int64_t>();
  options.alpha = config.at("alpha").get<double>();
  LoraAdapter adapter(options, w0, at::detail::createCPUGenerator(1), module);

  // Inits the reference computes from W0: magnitudes (norms) and canonical SVD bases.
  for (const auto& [kind, t] : adapter->named_tensors()) {
    const auto key = "init." + which + "." + kind;
    if (!file.has(key)) continue;
    const double tol = (kind == "U" || kind == "V") ? 5e-5 : 1e-6;
    EXPECT_LE((t - file.tensor(key)).abs().max().item<double>(), tol) << key;
  }

  const std::string prefix = module + ".parametrizations.weight.0.";
  int loaded = 0;
  for (const auto& view : file.file().tensors()) {
    if (view.name.rfind(prefix, 0) != 0) continue;
    adapter->load_tensor(view.name.substr(prefix.size()), file.tensor(view.name), view.name);
    ++loaded;
  }
  EXPECT_GT(loaded, 0);

  const auto eye = at::eye(w0.size(1), at::kFloat);
  const auto bias = file.has(which + ".bias") ? file.tensor(which + ".bias") : at::Tensor();
  const auto x = at::randn({3, w0.size(1)}, at::detail::createCPUGenerator(7));
  for (const auto& s : config.at("strengths")) {
    const double strength = s.get<double>();
    adapter->set_strength(strength);
    const auto key = which + ".W_eff." + strength_key(strength);
    const auto expected = file.tensor(key).reshape_as(w0);
    const auto w_eff = adapter->effective_weight(w0);
    EXPECT_LE((w_eff - expected).abs().max().item<double>(), 1e-6) << key;

    // The fused forward without W_eff: x = I gives W_effᵀ.
    const auto fused = adapter->linear(eye, w0, at::Tensor()).t();
    EXPECT_LE((fused - expected).abs().max().item<double>(), 2e-6) << key << " (fused forward)";
    if (bias.defined()) {
      const auto y = adapter->linear(x, w0, bias);
      const auto ref = at::matmul(x, expected.t()) + bias;
      EXPECT_LE((y - ref).abs().max().item<double>(), 1e-5) << key << " (fused forward with bias)";
    }

    const auto key64 = which + ".W_eff64." + strength_key(strength);
    const auto w_eff64 = adapter->effective_weight(w0.to(at::kDouble));
    const auto expected64 = file.tensor(key64).reshape_as(w0);
    EXPECT_LE((w_eff64 - expected64).abs().max().item<double>(), 2e-6) << key64;
  }
}

void check_adapter(const test::ParityFixture& file) {
  const auto& config = file.config();
  check_layer(file, config, "linear", config.at("linear").at("module").get<std::string>());
  check_layer(file, config, "conv", config.at("conv1d").at("module").get<std::string>());
}

const test::ParityCheckerRegistrar registrar("adapter", check_adapter);

}  // namespace
}  // namespace sa3
