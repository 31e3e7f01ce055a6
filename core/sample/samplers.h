// SPDX-License-Identifier: GPL-3.0-or-later
// Rectified-flow sampler loops (upstream inference/sampling.py: sample_discrete_euler,
// sample_flow_pingpong), written against a velocity function so that the DiT, CFG/APG and
// LoRA switching stay outside and a test can substitute a recorded model.
// Synchronous; run on the caller's thread. `on_step` may throw (e.g. sa3::Cancelled) to stop.
#pragma once

#include <cstdint>
#include <functional>

#include <ATen/core/Tensor.h>

namespace sa3 {

// The model's velocity v̂ ≈ ε − x₀ for latents x [B,C,T] at timesteps t [B] (x's dtype).
using VelocityFn = std::function<at::Tensor(const at::Tensor& x, const at::Tensor& t)>;
// Fresh standard-normal noise shaped, typed and placed like `like`.
using NoiseFn = std::function<at::Tensor(const at::Tensor& like)>;
// Called after step `done` (1-based) of `total` has updated x.
using StepFn = std::function<void(int64_t done, int64_t total)>;

// Euler on the ODE: x ← x + (t[i+1] − t[i])·v̂(x, t[i]). `schedule` is build_schedule's output.
at::Tensor sample_euler(const VelocityFn& velocity, at::Tensor x, const at::Tensor& schedule,
                        const StepFn& on_step);

// Ping-pong for the distilled (rf_denoiser) models: x̂₀ = x − t[i]·v̂, then
// x ← (1 − t[i+1])·x̂₀ + t[i+1]·ε with fresh noise each step (the last step returns x̂₀,
// though its noise is still drawn, as upstream, so noise streams stay aligned).
at::Tensor sample_pingpong(const VelocityFn& velocity, at::Tensor x, const at::Tensor& schedule,
                           const NoiseFn& noise, const StepFn& on_step);

}  // namespace sa3
