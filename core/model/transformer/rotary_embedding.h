// SPDX-License-Identifier: GPL-3.0-or-later
// Rotary position embedding (stable_audio_3/models/transformer.py: RotaryEmbedding,
// rotate_half, apply_rotary_pos_emb): half-split (NeoX) rotation of the first `dim` channels
// of each head, the rest passed through. Buffer `inv_freq` [dim/2] = base^(-2j/dim).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace sa3 {

// cos/sin of the angles for positions 0..L-1, each [L, dim], fp32.
struct RotaryTable {
  at::Tensor cos;
  at::Tensor sin;
};

class RotaryEmbeddingImpl : public torch::nn::Module {
 public:
  explicit RotaryEmbeddingImpl(std::int64_t dim, double base = 10000.0);

  RotaryTable table(std::int64_t length) const;

  at::Tensor inv_freq;
};
TORCH_MODULE(RotaryEmbedding);

// t [..., L, D] with D >= rotated dims: rotated in fp32, returned in `out_dtype`.
at::Tensor apply_rotary(const at::Tensor& t, const RotaryTable& table, at::ScalarType out_dtype);

}  // namespace sa3
