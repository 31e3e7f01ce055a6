// SPDX-License-Identifier: GPL-3.0-or-later
// SAMEEncoder construction and forward.
#include "model/autoencoders/same_encoder.h"

namespace sa3 {

TransformerResamplingBlockOptions same_block_options(const SAMEOptions& o, size_t i, bool decoder) {
  // channel_dims = [io_channels, c_mults[0]*channels, ...]; the encoder's block i maps
  // dims[i] -> dims[i+1], the decoder's block for level i maps dims[i+1] -> dims[i].
  const int64_t outer = i == 0 ? o.io_channels : o.c_mults[i - 1] * o.channels;
  const int64_t inner = o.c_mults[i] * o.channels;
  TransformerResamplingBlockOptions b;
  b.in_channels = decoder ? inner : outer;
  b.out_channels = decoder ? outer : inner;
  b.stride = o.strides[i];
  b.sliding_window = o.sliding_window;
  b.chunk_size = o.chunk_size;
  b.chunk_midpoint_shift = o.chunk_midpoint_shift;
  b.decoder = decoder;
  b.transformer_depth = o.transformer_depths[i];
  b.dim_heads = o.dim_heads;
  b.differential = o.differential;
  b.variable_stride = o.variable_stride;
  b.sinusoidal_blocks = decoder ? o.sinusoidal_blocks[i] : 0;
  b.mask_noise = o.mask_noise;
  b.ff_mult = o.ff_mult;
  b.conv_mapping = o.conv_mapping;
  return b;
}

SAMEEncoderImpl::SAMEEncoderImpl(const SAMEOptions& o) {
  layers = register_module("layers", torch::nn::ModuleList());
  for (size_t i = 0; i < o.c_mults.size(); ++i) {
    blocks_.emplace_back(same_block_options(o, i, false));
    layers->push_back(blocks_.back());
  }
  to_latent_ = torch::nn::Linear(o.c_mults.back() * o.channels, o.latent_dim);
  layers->push_back(same::Transpose());
  layers->push_back(to_latent_);
  layers->push_back(same::Transpose());
}

at::Tensor SAMEEncoderImpl::forward(const at::Tensor& input) {
  at::Tensor x = input;
  for (auto& block : blocks_) x = block(x);
  return to_latent_(x.transpose(1, 2)).transpose(1, 2);
}

}  // namespace sa3
