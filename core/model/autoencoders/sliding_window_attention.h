// SPDX-License-Identifier: GPL-3.0-or-later
// Attention kernels of the SAME blocks: full attention within chunks, and banded attention.
#pragma once

#include <ATen/core/Tensor.h>

namespace sa3::same {

// softmax(q k^T / sqrt(d)) v over the whole sequence. q, k, v: [B, H, N, d] -> [B, H, N, d].
// Softmax runs in fp32 for reduced-precision inputs. Inference only: records no autograd graph.
at::Tensor full_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v);

// Attention where query i sees only keys j with -w_left <= j - i <= w_right (flash-attn's
// window_size semantics used by upstream for SAME-L). Equivalent to upstream's
// stable_audio_3/models/transformer.py: _sliding_window_chunked_halo_sdpa, but banded: queries
// are cut into blocks of max(w_left, w_right) rows and each block scores only the
// block + w_left + w_right keys around it (3 blocks for a symmetric window) instead of dense
// 1024 x 1041 tiles, so the work is O(N * (w_left + w_right)) rather than O(N * 1024).
// Inference only, like full_attention. q, k, v: [B, H, N, d] -> [B, H, N, d].
at::Tensor sliding_window_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                   int64_t w_left, int64_t w_right);

}  // namespace sa3::same
