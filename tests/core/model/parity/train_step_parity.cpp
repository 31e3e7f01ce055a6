// SPDX-License-Identifier: GPL-3.0-or-later
// Parity checker for kind `train_step`: the reference training_step with train_lora.py's recipe
// on pre-encoded latents and a stub model; its random draws are pinned from the fixture
// (fixtures README §7).
#include <string>
#include <vector>

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "parity/parity_registry.h"
#include "parity/parity_tolerance.h"
#include "train/flow_objective.h"

namespace sa3 {
namespace {

testing::AssertionResult close_rel(const at::Tensor& a, const at::Tensor& b, double rel) {
  const double x = a.item<double>();
  const double y = b.item<double>();
  if (std::abs(x - y) <= rel * std::max(std::abs(y), 1e-12)) return testing::AssertionSuccess();
  return testing::AssertionFailure() << x << " vs reference " << y;
}

void check_case(const test::ParityFixture& f, const std::string& c) {
  SCOPED_TRACE("case " + c);
  const auto& cfg = f.config().at("case_" + c);
  const auto x0 = f.tensor(c + ".in.x0");
  const auto local = f.tensor(c + ".rec.local_add_cond");
  FlowDraws draws;
  draws.z = f.tensor(c + ".in.z");
  draws.noise = f.tensor(c + ".in.noise");
  draws.aug_mask = f.tensor(c + ".rec.aug_padding_mask");
  draws.inpaint_mask = local.narrow(1, 0, 1).contiguous();
  std::vector<double> seconds = cfg.at("seconds").get<std::vector<double>>();
  const auto in = prepare_flow_inputs(x0, at::tensor(seconds, at::kDouble), draws);

  EXPECT_TRUE(test::matches_abs(in.t, f.tensor(c + ".out.t"), 1e-6));
  EXPECT_TRUE(at::equal(in.perm, f.tensor(c + ".out.ot_perm"))) << in.perm;
  EXPECT_TRUE(test::matches_abs(in.noised, f.tensor(c + ".out.noised_input"), 1e-6));
  EXPECT_TRUE(test::matches_abs(in.target, f.tensor(c + ".out.target"), 1e-6));
  EXPECT_TRUE(test::matches_abs(in.local_cond, local, 1e-6));

  const auto loss = flow_loss(f.tensor(c + ".in.v_hat"), in.target, draws.aug_mask, draws.inpaint_mask);
  EXPECT_TRUE(close_rel(loss.generated, f.tensor(c + ".out.mse_loss"), 1e-6));
  EXPECT_TRUE(close_rel(loss.context, f.tensor(c + ".out.mse_context_loss"), 1e-6));
  EXPECT_TRUE(close_rel(loss.loss, f.tensor(c + ".out.loss"), 1e-6));
  EXPECT_TRUE(close_rel(loss.signal_mean, f.tensor(c + ".out.mse_signal"), 1e-6));
}

void check_train_step(const test::ParityFixture& f) {
  for (const auto& [key, value] : f.config().items()) {
    if (key.rfind("case_", 0) == 0) check_case(f, key.substr(5));
  }
}

const test::ParityCheckerRegistrar registrar("train_step", check_train_step);

}  // namespace
}  // namespace sa3
