// SPDX-License-Identifier: GPL-3.0-or-later
// Minibatch optimal-transport coupling of data and noise (spec §5.3 step 10; upstream
// training/diffusion.py: training_step, "Minibatch OT coupling").
#pragma once

#include <ATen/core/Tensor.h>

namespace sa3 {

// perm [B] (int64) such that noise[perm] pairs with x0: squared-L2 cost, log P = −C/mean(C),
// 20 Sinkhorn iterations (rows then columns), then a greedy row-wise argmax over unused columns.
at::Tensor ot_coupling_permutation(const at::Tensor& x0, const at::Tensor& noise);

}  // namespace sa3
