// SPDX-License-Identifier: GPL-3.0-or-later
// TransformerResamplingBlock.forward (stable_audio_3/models/autoencoders.py).
#include "model/autoencoders/transformer_resampling_block.h"

#include <ATen/ops/cat.h>
#include <ATen/ops/constant_pad_nd.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/randn_like.h>

namespace sa3 {
namespace {

// autoencoders.py: _zero_pad_modulo_sequence: zeros appended along `dim` up to a multiple of `size`.
at::Tensor zero_pad_modulo(const at::Tensor& x, int64_t size, int64_t dim) {
  const int64_t len = x.size(dim);
  const int64_t pad = (size - len % size) % size;
  if (pad == 0) return x;
  std::vector<int64_t> widths(2 * (x.dim() - (dim < 0 ? x.dim() + dim : dim)), 0);
  widths[widths.size() - 1] = pad;  // constant_pad_nd lists (left, right) from the last dim backwards
  return at::constant_pad_nd(x, widths);
}

}  // namespace

TransformerResamplingBlockImpl::TransformerResamplingBlockImpl(const TransformerResamplingBlockOptions& o)
    : options_(o) {
  const int64_t dim = o.decoder ? o.in_channels : o.out_channels;
  if (o.in_channels != o.out_channels) {
    mapping = register_module("mapping", same::WNConv1d(o.in_channels, o.out_channels, o.conv_mapping ? 3 : 1));
  }
  const int64_t output_seg = o.decoder ? o.stride : 1;
  new_tokens = register_parameter("new_tokens", at::randn({1, o.variable_stride ? 1 : output_seg, dim}) * 1e-5);
  transformers = register_module("transformers", torch::nn::ModuleList());
  for (int64_t i = 0; i < o.transformer_depth; ++i) {
    same::TransformerBlockOptions b;
    b.dim = dim;
    b.dim_heads = o.dim_heads;
    b.differential = o.differential;
    b.ff_mult = o.ff_mult;
    b.sinusoidal = (o.transformer_depth - i) < o.sinusoidal_blocks;
    blocks_.emplace_back(b);
    transformers->push_back(blocks_.back());
  }
}

at::Tensor TransformerResamplingBlockImpl::run_transformers(at::Tensor x) {
  const int64_t batch = x.size(0);
  const int64_t dim = x.size(2);
  const int64_t sub = options_.stride + 1;
  if (options_.sliding_window) {
    const std::array<int64_t, 2> window{(*options_.sliding_window)[0] * sub, (*options_.sliding_window)[1] * sub};
    for (auto& block : blocks_) x = block(x, window);
    return x;
  }
  // Chunked attention: chunk_size patches plus their chunk_size/stride learned tokens.
  const int64_t chunk = options_.chunk_size + options_.chunk_size / options_.stride;
  auto run_chunked = [&](at::Tensor y, size_t first, size_t last) {
    y = y.reshape({-1, chunk, dim});
    for (size_t i = first; i < last; ++i) y = blocks_[i](y, std::nullopt);
    return y.reshape({batch, -1, dim});
  };
  if (!options_.chunk_midpoint_shift) return run_chunked(x, 0, blocks_.size());
  // Midpoint shift: the second half of the layers sees chunks offset by half a chunk, built
  // by repeating the first and last half-chunks (not zeros) and stripped afterwards.
  const size_t split = blocks_.size() / 2;
  const int64_t shift = chunk / 2;
  x = run_chunked(x, 0, split);
  const int64_t len = x.size(1);
  x = at::cat({x.narrow(1, 0, shift), x, x.narrow(1, len - shift, shift)}, 1);
  x = run_chunked(x, split, blocks_.size());
  return x.narrow(1, shift, len);
}

at::Tensor TransformerResamplingBlockImpl::forward(const at::Tensor& input) {
  const int64_t batch = input.size(0);
  const bool sliding = options_.sliding_window.has_value();
  const int64_t input_seg = options_.decoder ? 1 : options_.stride;
  const int64_t output_seg = options_.decoder ? options_.stride : 1;
  at::Tensor x = input;
  if (!options_.decoder) {
    // Pad before mapping so that silence is projected through the mapping like real input.
    if (options_.transformer_depth > 0) x = zero_pad_modulo(x, sliding ? input_seg : options_.chunk_size, -1);
    if (mapping) x = mapping(x);
  }
  if (options_.transformer_depth > 0) {
    x = x.transpose(1, 2);  // [B, L, D]
    if (options_.decoder) x = zero_pad_modulo(x, sliding ? input_seg : options_.chunk_size / options_.stride, 1);
    const int64_t dim = x.size(2);
    x = x.reshape({-1, input_seg, dim});  // [(B n), input_seg, D]
    at::Tensor fresh = new_tokens.expand({x.size(0), output_seg, dim});
    if (options_.mask_noise > 0) fresh = fresh + at::randn_like(fresh) * options_.mask_noise;
    x = at::cat({x, fresh}, 1).reshape({batch, -1, dim});  // [B, n*(stride+1), D]
    x = run_transformers(x);
    x = x.reshape({-1, input_seg + output_seg, dim}).narrow(1, input_seg, output_seg);  // keep the new tokens
    x = x.reshape({batch, -1, dim}).transpose(1, 2);  // [B, D, n*output_seg]
  }
  if (options_.decoder && mapping) x = mapping(x);
  return x;
}

}  // namespace sa3
