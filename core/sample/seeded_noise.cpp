// SPDX-License-Identifier: GPL-3.0-or-later
// SeededNoise: CPU generator seeded once, consumed in draw order.
#include "sample/seeded_noise.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/randn.h>

namespace sa3 {

SeededNoise::SeededNoise(uint64_t seed) : generator_(at::make_generator<at::CPUGeneratorImpl>(seed)) {}

at::Tensor SeededNoise::draw(at::IntArrayRef shape, const at::TensorOptions& options) {
  const at::Tensor cpu = at::randn(shape, generator_, at::TensorOptions().dtype(at::kFloat));
  return cpu.to(options);
}

at::Tensor SeededNoise::like(const at::Tensor& like) { return draw(like.sizes(), like.options()); }

}  // namespace sa3
