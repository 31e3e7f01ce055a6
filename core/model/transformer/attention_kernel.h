// SPDX-License-Identifier: GPL-3.0-or-later
// softmax(q·kᵀ/√d)·v with an optional key-padding mask, the one place that chooses the
// implementation: scaled_dot_product_attention on LibTorch >= 2.0 (flash/memory-efficient
// kernels on CUDA), the explicit math on 1.13.
#pragma once

#include <ATen/core/Tensor.h>

namespace sa3 {

// q [B,H,Lq,D], k/v [B,H,Lk,D]; key_mask [B,Lk] bool (true = attend) or undefined.
// Every query row must have at least one valid key (memory tokens guarantee it in the DiT).
at::Tensor attend(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                  const at::Tensor& key_mask);

}  // namespace sa3
