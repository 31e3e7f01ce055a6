// SPDX-License-Identifier: GPL-3.0-or-later
// Full and banded attention for the SAME blocks, in explicit math (LibTorch 1.13 has no SDPA).
#include "model/autoencoders/sliding_window_attention.h"

#include <ATen/Parallel.h>
#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/constant_pad_nd.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/full.h>
#include <ATen/ops/logical_and.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/softmax.h>
#include <ATen/ops/where.h>
#include <ATen/ops/zeros.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sa3::same {
namespace {

at::Tensor softmax_last(const at::Tensor& scores) {
  if (scores.scalar_type() == at::kFloat || scores.scalar_type() == at::kDouble) {
    return at::softmax(scores, -1);
  }
  return at::softmax(scores, -1, at::kFloat).to(scores.scalar_type());
}

// Runs `attend` on slices of the flattened batch*heads dim in parallel, each slice on one
// thread. These attentions are thousands of tiny matrix products (34 x 64 x 34 per chunk);
// handed to ATen whole, each product would fork the BLAS thread pool, which costs more than
// the arithmetic. Inference only: slices run without autograd.
template <typename Attend>
at::Tensor per_slice_parallel(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, Attend attend) {
  const at::Tensor qf = q.flatten(0, 1);
  const at::Tensor kf = k.flatten(0, 1);
  const at::Tensor vf = v.flatten(0, 1);
  at::Tensor out = at::empty(qf.sizes(), q.options());
  at::parallel_for(0, qf.size(0), 1, [&](int64_t begin, int64_t end) {
    at::NoGradGuard no_grad;
    const int64_t n = end - begin;
    out.narrow(0, begin, n).copy_(attend(qf.narrow(0, begin, n), kf.narrow(0, begin, n), vf.narrow(0, begin, n)));
  });
  return out.view(q.sizes());
}

// softmax(q k^T * scale) v on [S, N, d] slices, in SDPA's documented op order.
at::Tensor dense_attend(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v) {
  const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
  return at::matmul(softmax_last(at::matmul(q, k.transpose(-2, -1)) * scale), v);
}

// Banded attention on [S, N, d] slices (see the header).
at::Tensor banded_attend(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, int64_t w_left,
                         int64_t w_right) {
  const int64_t n = q.size(1);
  const int64_t block = std::max<int64_t>({w_left, w_right, 1});
  const int64_t blocks = (n + block - 1) / block;
  const int64_t padded = blocks * block;
  const int64_t window = block + w_left + w_right;  // keys seen by one query block
  const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));

  // Queries as [S, blocks, block, d]; keys/values padded by the halo on both sides and
  // unfolded into overlapping windows [S, blocks, d, window] (a view, no copy yet).
  const at::Tensor qb = at::constant_pad_nd(q, {0, 0, 0, padded - n}).unflatten(1, {blocks, block});
  const at::Tensor kp = at::constant_pad_nd(k, {0, 0, w_left, padded - n + w_right});
  const at::Tensor vp = at::constant_pad_nd(v, {0, 0, w_left, padded - n + w_right});
  const at::Tensor kw = kp.unfold(1, window, block);                     // [S, blocks, d, window]
  const at::Tensor vw = vp.unfold(1, window, block).transpose(-2, -1);  // [S, blocks, window, d]

  // Query r of block b is token b*block + r; key c of its window is token b*block - w_left + c.
  // In band: r <= c <= r + w_left + w_right. Valid: 0 <= key token < n.
  const auto opts = at::TensorOptions().device(q.device()).dtype(at::kLong);
  const at::Tensor r = at::arange(block, opts).view({1, block, 1});
  const at::Tensor c = at::arange(window, opts).view({1, 1, window});
  const at::Tensor b = at::arange(blocks, opts).view({blocks, 1, 1});
  const at::Tensor key = b * block - w_left + c;
  const at::Tensor in_band = at::logical_and(at::logical_and(c >= r, c <= r + (w_left + w_right)),
                                             at::logical_and(key >= 0, key < n));
  // Padding queries (token >= n) are discarded; they keep their own (zero) key so that no
  // row is fully masked, which would put NaN into the softmax.
  const at::Tensor query_valid = (b * block + r) < n;
  const at::Tensor keep = at::where(query_valid, in_band, c == r + w_left);  // [blocks, block, window]
  const at::Tensor bias =
      at::where(keep, at::zeros({}, q.options()),
                at::full({}, -std::numeric_limits<float>::infinity(), q.options()));

  const at::Tensor scores = at::matmul(qb, kw) * scale + bias;  // [S, blocks, block, window]
  const at::Tensor out = at::matmul(softmax_last(scores), vw);   // [S, blocks, block, d]
  return out.flatten(1, 2).narrow(1, 0, n);
}

}  // namespace

at::Tensor full_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v) {
  return per_slice_parallel(q, k, v, dense_attend);
}

at::Tensor sliding_window_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                   int64_t w_left, int64_t w_right) {
  return per_slice_parallel(q, k, v, [&](const at::Tensor& qs, const at::Tensor& ks, const at::Tensor& vs) {
    return banded_attend(qs, ks, vs, w_left, w_right);
  });
}

}  // namespace sa3::same
