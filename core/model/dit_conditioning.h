// SPDX-License-Identifier: GPL-3.0-or-later
// What the DiT is conditioned on, as assembled by conditioners.h (spec §4).
#pragma once

#include <ATen/core/Tensor.h>

namespace sa3 {

struct DiTConditioning {
  at::Tensor cross;         // [B, Lc, cond_token_dim]: T5 tokens then the seconds token
  at::Tensor global;        // [B, global_cond_dim]: the seconds embedding
  at::Tensor local;         // [B, 1 + C, T]: [inpaint mask ; masked latent], or undefined
  at::Tensor padding_mask;  // [B, T] bool, true = valid; or undefined (all valid)
};

}  // namespace sa3
