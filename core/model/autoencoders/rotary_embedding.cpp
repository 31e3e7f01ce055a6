// SPDX-License-Identifier: GPL-3.0-or-later
// RotaryEmbedding and apply_rotary_pos_emb for the SAME blocks.
#include "model/autoencoders/rotary_embedding.h"

#include <ATen/ops/arange.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/outer.h>
#include <ATen/ops/pow.h>

namespace sa3::same {

RotaryEmbeddingImpl::RotaryEmbeddingImpl(int64_t dim, double base) {
  const at::Tensor exponent = at::arange(0, dim, 2, at::kFloat) / static_cast<double>(dim);
  inv_freq = register_buffer("inv_freq", 1.0 / at::pow(base, exponent));
}

at::Tensor RotaryEmbeddingImpl::freqs_for_length(int64_t n) const {
  const at::Tensor t = at::arange(n, inv_freq.options().dtype(at::kFloat));
  const at::Tensor freqs = at::outer(t, inv_freq.to(at::kFloat));
  return at::cat({freqs, freqs}, -1);
}

at::Tensor apply_rotary_pos_emb(const at::Tensor& t, const at::Tensor& freqs) {
  const int64_t rot = freqs.size(-1);
  const int64_t half = rot / 2;
  const at::Tensor tf = t.scalar_type() == at::kFloat ? t : t.to(at::kFloat);
  // freqs repeats its halves, so one half of the table serves both; upstream's
  // t*cos + rotate_half(t)*sin is, per half, x1*cos - x2*sin and x2*cos + x1*sin.
  const at::Tensor f = freqs.narrow(0, freqs.size(0) - t.size(-2), t.size(-2)).narrow(-1, 0, half);
  const at::Tensor cos = f.cos();
  const at::Tensor sin = f.sin();
  const at::Tensor x1 = tf.narrow(-1, 0, half);
  const at::Tensor x2 = tf.narrow(-1, half, half);
  return at::cat({x1 * cos - x2 * sin, x2 * cos + x1 * sin, tf.narrow(-1, rot, t.size(-1) - rot)}, -1)
      .to(t.scalar_type());
}

}  // namespace sa3::same
