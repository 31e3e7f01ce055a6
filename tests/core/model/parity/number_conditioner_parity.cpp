// SPDX-License-Identifier: GPL-3.0-or-later
// Parity checker for kind "number_conditioner": the seconds_total embedder.
#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "model/conditioners.h"
#include "model/blocks.h"
#include "model/state_dict.h"
#include "parity/parity_registry.h"
#include "parity/parity_tolerance.h"

namespace sa3::test {
namespace {

void check_number_conditioner(const ParityFixture& f) {
  const auto& c = f.config();
  auto options = NumberConditionerOptions::from_json(c.at("config"), c.value("output_dim", 768), f.path().string());
  options.fourier_dim = c.value("embedder_fourier_dim", 256);
  NumberConditioner conditioner(options);
  const std::string prefix = c.value("weights_prefix", std::string("conditioner.conditioners.seconds_total."));
  const auto unused = load_state_dict(*conditioner, f.file(), prefix);
  EXPECT_TRUE(unused.empty()) << unused.front();

  at::NoGradGuard no_grad;
  const at::Tensor seconds = f.tensor("in.seconds");
  const at::Tensor normalized = conditioner->normalize(seconds);
  EXPECT_TRUE(matches_abs(normalized, f.tensor("inter.normalized"), 1e-7)) << "inter.normalized";
  EXPECT_TRUE(matches_abs(expo_fourier_features(normalized, options.fourier_dim),
                          f.tensor("inter.fourier_features"), 1e-5))
      << "inter.fourier_features";
  const NumberConditioning out = conditioner->forward(seconds);
  EXPECT_TRUE(matches_reference(out.embedding, f.tensor("out.embedding"), Tolerance{1e-5, 1e-5}))
      << "out.embedding";
  EXPECT_TRUE(matches_abs(out.mask, f.tensor("out.mask"), 0)) << "out.mask";
}

const ParityCheckerRegistrar registrar("number_conditioner", check_number_conditioner);

}  // namespace
}  // namespace sa3::test
