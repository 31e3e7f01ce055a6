// SPDX-License-Identifier: GPL-3.0-or-later
// apply_learned_padding (Conditioner.apply_padding, "learned" mode).
#include "model/conditioner_padding.h"

#include <ATen/ops/where.h>

#include <string>

#include "sa3/error.h"

namespace sa3 {

at::Tensor apply_learned_padding(const at::Tensor& embeddings, const at::Tensor& attention_mask,
                                 const at::Tensor& padding_embedding) {
  if (embeddings.dim() != 3 || padding_embedding.dim() != 1 || padding_embedding.size(0) != embeddings.size(2) ||
      attention_mask.dim() != 2 || attention_mask.size(0) != embeddings.size(0) ||
      attention_mask.size(1) != embeddings.size(1)) {
    throw_invalid("prompt padding: expected embeddings [B, N, D], mask [B, N] and padding_embedding [D] (D = " +
                  std::to_string(embeddings.dim() == 3 ? embeddings.size(2) : -1) + ")");
  }
  const at::Tensor keep = attention_mask.to(embeddings.device(), at::kBool).unsqueeze(-1);
  return at::where(keep, embeddings, padding_embedding.to(embeddings.options()).view({1, 1, -1}));
}

}  // namespace sa3
