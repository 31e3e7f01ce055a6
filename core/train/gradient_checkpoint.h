// SPDX-License-Identifier: GPL-3.0-or-later
// Gradient checkpointing: run a block without keeping its activations and recompute it during
// backward (upstream runs every DiT block under torch.utils.checkpoint; spec §6.5).
//
// LibTorch has no checkpoint(), so this is a custom autograd node in the reentrant style: the
// backward recomputes the block with grad enabled on detached copies of its inputs and runs a
// nested backward through it, which also accumulates the gradients of the parameters the
// block uses (the adapters). The block must be deterministic (SA3 blocks have no dropout)
// and must read every tensor it depends on from `inputs` (captured tensors that carry history
// would be back-propagated twice).
// Threading: as autograd itself.
#pragma once

#include <functional>
#include <vector>

#include <ATen/core/Tensor.h>

namespace sa3 {

using CheckpointedBlock = std::function<at::Tensor(const std::vector<at::Tensor>& inputs)>;

// block(inputs) with activations freed; undefined inputs are allowed. Without grad mode it is
// a plain call.
at::Tensor checkpoint(const CheckpointedBlock& block, const std::vector<at::Tensor>& inputs);

}  // namespace sa3
