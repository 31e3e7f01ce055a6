// SPDX-License-Identifier: GPL-3.0-or-later
// Partial RoPE in fp32.
#include "model/transformer/rotary_embedding.h"

#include <ATen/ATen.h>

namespace sa3 {

RotaryEmbeddingImpl::RotaryEmbeddingImpl(std::int64_t dim, double base) {
  const at::Tensor exponents = at::arange(0, dim, 2, at::kFloat) / static_cast<double>(dim);
  inv_freq = register_buffer("inv_freq", 1.0 / at::pow(base, exponents));
}

RotaryTable RotaryEmbeddingImpl::table(std::int64_t length) const {
  const at::Tensor positions = at::arange(length, inv_freq.options().dtype(at::kFloat));
  const at::Tensor freqs = at::outer(positions, inv_freq.to(at::kFloat));
  const at::Tensor angles = at::cat({freqs, freqs}, -1);
  return {angles.cos(), angles.sin()};
}

at::Tensor apply_rotary(const at::Tensor& t, const RotaryTable& table, at::ScalarType out_dtype) {
  const std::int64_t rot = table.cos.size(-1);
  const std::int64_t half = rot / 2;
  const at::Tensor x = t.to(at::kFloat);
  const at::Tensor rotated = x.narrow(-1, 0, rot);
  const at::Tensor rotate_half =
      at::cat({-rotated.narrow(-1, half, half), rotated.narrow(-1, 0, half)}, -1);
  const at::Tensor out = rotated * table.cos + rotate_half * table.sin;
  if (rot == x.size(-1)) return out.to(out_dtype);
  return at::cat({out.to(out_dtype), t.narrow(-1, rot, t.size(-1) - rot).to(out_dtype)}, -1);
}

}  // namespace sa3
