// SPDX-License-Identifier: GPL-3.0-or-later
// Parity checker for kind `sampler`: build_schedule with the model-default log-SNR shift, no
// shift and the "full" shift by length, and the Euler and ping-pong loops driven by a stub model
// that replays the reference's per-step velocities and noise (fixtures README §8).
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parity/parity_registry.h"
#include "parity/parity_tolerance.h"
#include "sample/samplers.h"
#include "sample/schedule.h"

namespace sa3 {
namespace {

constexpr double kTolerance = 1e-6;  // README §8: abs 1e-6
// The default and "none" schedules do not depend on length; any value exercises the code path.
constexpr int64_t kAnyLength = 1000;

void check_schedules(const test::ParityFixture& f) {
  const auto& config = f.config();
  const SamplingShift logsnr =
      SamplingShift::from_json(config.at("default_sampling_shift"), "config.default_sampling_shift");
  for (const auto& [name, c] : config.at("schedule_cases").items()) {
    const at::Tensor got = build_schedule(c.at("steps").get<int64_t>(), c.at("sigma_max").get<double>(),
                                          logsnr, kAnyLength);
    EXPECT_TRUE(test::matches_abs(got, f.tensor("out.schedule.logsnr." + name), kTolerance)) << name;
  }

  SamplingShift none;
  none.type = SamplingShift::Type::None;
  EXPECT_TRUE(test::matches_abs(build_schedule(8, 1.0, none, kAnyLength), f.tensor("out.schedule.none.steps8"),
                                kTolerance));

  nlohmann::json full_options = config.at("full_shift");
  const auto lengths = full_options.at("lengths").get<std::vector<int64_t>>();
  full_options.erase("lengths");
  full_options["type"] = "full";
  const SamplingShift full = SamplingShift::from_json(full_options, "config.full_shift");
  for (const int64_t length : lengths) {
    const std::string key = "out.schedule.full_L" + std::to_string(length) + ".steps8";
    EXPECT_TRUE(test::matches_abs(build_schedule(8, 1.0, full, length), f.tensor(key), kTolerance)) << key;
  }
}

// Replays the reference's velocities (and ping-pong noise) step by step, recording what the
// sampler fed the model.
struct RecordedModel {
  at::Tensor v_hat_per_step;
  at::Tensor noise_per_step;
  std::vector<at::Tensor> x_seen;
  std::vector<at::Tensor> t_seen;
  int64_t noise_drawn = 0;

  VelocityFn velocity() {
    return [this](const at::Tensor& x, const at::Tensor& t) {
      x_seen.push_back(x.clone());
      t_seen.push_back(t.clone());
      return v_hat_per_step[static_cast<int64_t>(x_seen.size()) - 1];
    };
  }
  NoiseFn noise() {
    return [this](const at::Tensor&) { return noise_per_step[noise_drawn++]; };
  }
};

void check_loop(const test::ParityFixture& f, const std::string& sampler) {
  const std::string schedule_key = f.config().at("loop").at("schedule").get<std::string>();
  const at::Tensor schedule = f.tensor(schedule_key).clone();
  RecordedModel model{f.tensor("in.v_hat_per_step"), f.tensor("in.noise_per_step")};
  const at::Tensor x_init = f.tensor("in.x_init").clone();
  const at::Tensor final_x = sampler == "euler"
                                 ? sample_euler(model.velocity(), x_init, schedule, nullptr)
                                 : sample_pingpong(model.velocity(), x_init, schedule, model.noise(), nullptr);
  const std::string out = "out." + sampler + ".";
  EXPECT_TRUE(test::matches_abs(at::stack(model.x_seen), f.tensor(out + "x_per_step"), kTolerance)) << sampler;
  EXPECT_TRUE(test::matches_abs(at::stack(model.t_seen), f.tensor(out + "t_per_step"), kTolerance)) << sampler;
  EXPECT_TRUE(test::matches_abs(final_x, f.tensor(out + "final"), kTolerance)) << sampler;
}

void check_sampler(const test::ParityFixture& f) {
  check_schedules(f);
  check_loop(f, "euler");
  check_loop(f, "pingpong");
}

const test::ParityCheckerRegistrar registrar("sampler", check_sampler);

}  // namespace
}  // namespace sa3
