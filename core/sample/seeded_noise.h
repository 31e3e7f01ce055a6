// SPDX-License-Identifier: GPL-3.0-or-later
// SeededNoise: the sampler's randomness from one seed, drawn on the CPU so that a seed gives the
// same noise on every device and every run (the A/B audition relies on this). Its stream is
// torch's CPU generator, so the first draw equals upstream's `torch.manual_seed(seed);
// torch.randn(...)` on CPU.
// Not thread-safe: one instance per render.
#pragma once

#include <cstdint>

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>

namespace sa3 {

class SeededNoise {
 public:
  explicit SeededNoise(uint64_t seed);

  // Standard-normal float32 noise of `shape`, then cast and moved to `options`.
  at::Tensor draw(at::IntArrayRef shape, const at::TensorOptions& options);
  // draw() shaped, typed and placed like `like` (ping-pong's fresh noise per step).
  at::Tensor like(const at::Tensor& like);

 private:
  at::Generator generator_;
};

}  // namespace sa3
