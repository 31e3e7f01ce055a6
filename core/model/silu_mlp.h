// SPDX-License-Identifier: GPL-3.0-or-later
// SiLUMlp: upstream's nn.Sequential(Linear, SiLU, Linear), used for to_timestep_embed,
// to_cond_embed, to_global_embed, global_cond_embedder and to_local_embed. The two linears
// are registered as "0" and "2" so state-dict keys match (`to_cond_embed.2.weight`).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/lora/adaptable_linear.h"

namespace sa3 {

class SiLUMlpImpl : public torch::nn::Module {
 public:
  SiLUMlpImpl(std::int64_t in, std::int64_t hidden, std::int64_t out, bool bias);

  // [..., in] -> [..., out]
  at::Tensor forward(const at::Tensor& x);

  AdaptableLinear first{nullptr};   // key "0"
  AdaptableLinear second{nullptr};  // key "2"
};
TORCH_MODULE(SiLUMlp);

}  // namespace sa3
