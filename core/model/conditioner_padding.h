// SPDX-License-Identifier: GPL-3.0-or-later
// apply_learned_padding: the prompt conditioner's "learned" padding of text embeddings.
#pragma once

#include <ATen/core/Tensor.h>

namespace sa3 {

// stable_audio_3/models/conditioners.py: Conditioner.apply_padding with padding_mode
// "learned": positions whose mask is false get `padding_embedding` (the checkpoint's
// conditioner.conditioners.prompt.padding_embedding, [dim]).
// embeddings: [B, N, dim]; attention_mask: [B, N] bool. Returns [B, N, dim].
at::Tensor apply_learned_padding(const at::Tensor& embeddings, const at::Tensor& attention_mask,
                                 const at::Tensor& padding_embedding);

}  // namespace sa3
