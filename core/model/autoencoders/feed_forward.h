// SPDX-License-Identifier: GPL-3.0-or-later
// FeedForward of the SAME blocks: biased GLU with SiLU or sin(pi*x) gates.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

namespace sa3::same {

// transformer.py: GLU. proj: dim_in -> 2*dim_out; output = value * act(gate) with
// value = first half, gate = second half.
class GLUImpl : public torch::nn::Module {
 public:
  GLUImpl(int64_t dim_in, int64_t dim_out, bool sinusoidal);
  // x: [..., dim_in] -> [..., dim_out]
  at::Tensor forward(const at::Tensor& x);

  torch::nn::Linear proj{nullptr};

 private:
  bool sinusoidal_;  // transformer.py: Sin (sin(pi * x)) instead of SiLU
};
TORCH_MODULE(GLU);

// transformer.py: FeedForward with glu=True, no_bias=False, use_conv=False: `ff` is
// Sequential(GLU, Identity, Linear, Identity), hence the keys ff.ff.0.proj.* and ff.ff.2.*.
class FeedForwardImpl : public torch::nn::Module {
 public:
  // inner dim = int(dim * mult), as upstream.
  FeedForwardImpl(int64_t dim, double mult, bool sinusoidal);
  // x: [..., dim] -> [..., dim]
  at::Tensor forward(const at::Tensor& x);

  torch::nn::ModuleList ff{nullptr};

 private:
  GLU glu_{nullptr};
  torch::nn::Linear linear_out_{nullptr};
};
TORCH_MODULE(FeedForward);

}  // namespace sa3::same
