// SPDX-License-Identifier: GPL-3.0-or-later
// SwiGLU feed-forward (stable_audio_3/models/transformer.py: GLU, FeedForward):
// out = ff.2( a · SiLU(gate) ) with [a ‖ gate] = ff.0.proj(x), value half first.
// Keys `ff.0.proj.{weight,bias}` [2·inner, E] and `ff.2.{weight,bias}` [E, inner], where
// inner = E·mult; the registered child "ff" mirrors upstream's nn.Sequential.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/lora/adaptable_linear.h"

namespace sa3 {

class GLUImpl : public torch::nn::Module {
 public:
  GLUImpl(std::int64_t dim_in, std::int64_t dim_out);
  at::Tensor forward(const at::Tensor& x);

  AdaptableLinear proj{nullptr};
};
TORCH_MODULE(GLU);

class FeedForwardImpl : public torch::nn::Module {
 public:
  FeedForwardImpl(std::int64_t dim, double mult);

  // [B,L,E] -> [B,L,E]
  at::Tensor forward(const at::Tensor& x);

  GLU glu{nullptr};                 // key "ff.0"
  AdaptableLinear linear_out{nullptr};  // key "ff.2"
};
TORCH_MODULE(FeedForward);

}  // namespace sa3
