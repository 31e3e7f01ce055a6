// SPDX-License-Identifier: GPL-3.0-or-later
// TransformerBlock.forward for the SAME autoencoder.
#include "model/autoencoders/transformer_block.h"

#include <algorithm>

namespace sa3::same {

TransformerBlockImpl::TransformerBlockImpl(const TransformerBlockOptions& o) {
  const int64_t dim_heads = std::min(o.dim_heads, o.dim);
  pre_norm = register_module("pre_norm", DynamicTanh(o.dim));
  self_attn = register_module("self_attn", Attention(o.dim, dim_heads, o.differential));
  ff_norm = register_module("ff_norm", DynamicTanh(o.dim));
  ff = register_module("ff", FeedForward(o.dim, o.ff_mult, o.sinusoidal));
  rope = register_module("rope", RotaryEmbedding(dim_heads / 2));
}

at::Tensor TransformerBlockImpl::forward(const at::Tensor& x, const std::optional<std::array<int64_t, 2>>& window) {
  const at::Tensor freqs = rope->freqs_for_length(x.size(1));
  at::Tensor h = x + self_attn(pre_norm(x), freqs, window);
  return h + ff(ff_norm(h));
}

}  // namespace sa3::same
