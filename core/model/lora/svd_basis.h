// SPDX-License-Identifier: GPL-3.0-or-later
// Frozen SVD bases of the -xs adapters (upstream models/lora/model.py: LoRAParametrization._init_xs).
#pragma once

#include <ATen/core/Tensor.h>

namespace sa3 {

struct SvdBasis {
  at::Tensor U;  // [out, r], fp32
  at::Tensor V;  // [in, r], fp32
};

// Thin SVD of weight_2d [out, in] in fp32 on the CPU, each U column (and the matching row of
// Vᴴ) sign-flipped so that its largest-|·| entry is positive (0 counts as positive), then the
// first `rank` columns; no singular values folded in. Throws InvalidInput naming `module` when
// rank > min(out, in).
SvdBasis canonical_svd_basis(const at::Tensor& weight_2d, int64_t rank, const std::string& module);

}  // namespace sa3
