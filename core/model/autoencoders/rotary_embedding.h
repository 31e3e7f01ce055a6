// SPDX-License-Identifier: GPL-3.0-or-later
// RotaryEmbedding of the SAME blocks: partial RoPE on the first dim_heads/2 head dims.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace sa3::same {

// stable_audio_3/models/transformer.py: RotaryEmbedding (no xpos, no interpolation).
// `inv_freq` is a persistent buffer and part of the checkpoint (`rope.inv_freq`).
class RotaryEmbeddingImpl : public torch::nn::Module {
 public:
  // dim: rotated feature count (upstream passes dim_heads // 2); base: theta.
  explicit RotaryEmbeddingImpl(int64_t dim, double base = 10000.0);

  // RotaryEmbedding.forward_from_seq_len: angles for positions 0..n-1, [n, dim] in fp32,
  // the two halves repeated (cat(freqs, freqs)).
  at::Tensor freqs_for_length(int64_t n) const;

  at::Tensor inv_freq;  // [dim / 2]
};
TORCH_MODULE(RotaryEmbedding);

// transformer.py: apply_rotary_pos_emb. Rotates the first freqs.size(-1) features of t
// ([..., n, d]) with rotate_half in fp32 and returns t's dtype; the rest pass unchanged.
at::Tensor apply_rotary_pos_emb(const at::Tensor& t, const at::Tensor& freqs);

}  // namespace sa3::same
