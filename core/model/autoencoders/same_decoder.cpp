// SPDX-License-Identifier: GPL-3.0-or-later
// SAMEDecoder construction and forward.
#include "model/autoencoders/same_decoder.h"

#include "model/autoencoders/same_encoder.h"

namespace sa3 {

SAMEDecoderImpl::SAMEDecoderImpl(const SAMEOptions& o) {
  layers = register_module("layers", torch::nn::ModuleList());
  from_latent_ = torch::nn::Linear(o.latent_dim, o.c_mults.back() * o.channels);
  layers->push_back(same::Transpose());
  layers->push_back(from_latent_);
  layers->push_back(same::Transpose());
  for (size_t i = o.c_mults.size(); i-- > 0;) {
    blocks_.emplace_back(same_block_options(o, i, true));
    layers->push_back(blocks_.back());
  }
}

at::Tensor SAMEDecoderImpl::forward(const at::Tensor& input) {
  at::Tensor x = from_latent_(input.transpose(1, 2)).transpose(1, 2);
  for (auto& block : blocks_) x = block(x);
  return x;
}

}  // namespace sa3
