// SPDX-License-Identifier: GPL-3.0-or-later
// Euler and ping-pong loops. Timesteps are cast to x's dtype before use, as upstream does, so
// a half-precision run rounds them the way the reference does.
#include "sample/samplers.h"

#include <string>

#include <ATen/TensorOperators.h>
#include <ATen/ops/ones.h>

#include "sa3/error.h"

namespace sa3 {
namespace {

void check_inputs(const at::Tensor& x, const at::Tensor& schedule) {
  if (x.dim() != 3) {
    throw_internal("sampler: x must be [B,C,T], got " + std::to_string(x.dim()) + " dims");
  }
  if (schedule.dim() != 1 || schedule.size(0) < 2) {
    throw_internal("sampler: schedule must be 1-D with at least 2 entries");
  }
}

// t[i] broadcast to the batch, in x's dtype, on x's device.
at::Tensor batch_timestep(const at::Tensor& t_i, const at::Tensor& x) {
  return t_i.to(x.options()) * at::ones({x.size(0)}, x.options());
}

}  // namespace

at::Tensor sample_euler(const VelocityFn& velocity, at::Tensor x, const at::Tensor& schedule,
                        const StepFn& on_step) {
  check_inputs(x, schedule);
  const at::Tensor t = schedule.to(x.device());
  const int64_t steps = t.size(0) - 1;
  for (int64_t i = 0; i < steps; ++i) {
    const at::Tensor t_curr = t[i];
    const at::Tensor dt = t[i + 1] - t_curr;
    const at::Tensor v = velocity(x, batch_timestep(t_curr, x));
    x = x + dt * v;
    if (on_step) on_step(i + 1, steps);
  }
  return x;
}

at::Tensor sample_pingpong(const VelocityFn& velocity, at::Tensor x, const at::Tensor& schedule,
                           const NoiseFn& noise, const StepFn& on_step) {
  check_inputs(x, schedule);
  const at::Tensor t = schedule.to(x.device());
  const int64_t steps = t.size(0) - 1;
  for (int64_t i = 0; i < steps; ++i) {
    const at::Tensor t_curr = t[i].to(x.scalar_type());
    const at::Tensor t_next = t[i + 1].to(x.scalar_type());
    const at::Tensor denoised = x - t_curr * velocity(x, batch_timestep(t_curr, x));
    x = (1 - t_next) * denoised + t_next * noise(x);
    if (on_step) on_step(i + 1, steps);
  }
  return x;
}

}  // namespace sa3
