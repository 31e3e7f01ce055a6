// SPDX-License-Identifier: GPL-3.0-or-later
// WNConv1d: weight-normalised Conv1d with stride 1 and 'same' padding (the SAME mapping layer).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace sa3::same {

// stable_audio_3/models/autoencoders.py: WNConv1d = torch.nn.utils.weight_norm(Conv1d(...)),
// dim 0: the effective weight is weight_g * weight_v / ||weight_v|| with the norm over all
// dims but the output channel. The keys are weight_g, weight_v and bias, as in checkpoints.
class WNConv1dImpl : public torch::nn::Module {
 public:
  // kernel_size odd; padding 'same' = kernel_size / 2 on both sides.
  WNConv1dImpl(int64_t in_channels, int64_t out_channels, int64_t kernel_size);

  // x: [B, in_channels, L] -> [B, out_channels, L]
  at::Tensor forward(const at::Tensor& x);

  at::Tensor weight_g;  // [out, 1, 1]
  at::Tensor weight_v;  // [out, in, k]
  at::Tensor bias;      // [out]
};
TORCH_MODULE(WNConv1d);

// autoencoders.py: Transpose, swapping the last two dims; holds no parameters and exists so
// that module indices (and thus state-dict keys such as encoder.layers.2.weight) match.
class TransposeImpl : public torch::nn::Module {
 public:
  at::Tensor forward(const at::Tensor& x) { return x.transpose(-2, -1); }
};
TORCH_MODULE(Transpose);

}  // namespace sa3::same
