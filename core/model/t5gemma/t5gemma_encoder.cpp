// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaEncoder.forward: scaled embeddings, RoPE tables, key-padding masks, layers, final norm.
#include "model/t5gemma/t5gemma_encoder.h"

#include <ATen/Context.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/logical_and.h>
#include <ATen/ops/outer.h>
#include <ATen/ops/pow.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/scalar_tensor.h>
#include <ATen/ops/where.h>
#include <ATen/ops/zeros.h>

#include <cmath>
#include <limits>
#include <string>

#include "sa3/error.h"

namespace sa3 {

T5GemmaEncoderImpl::T5GemmaEncoderImpl(const T5GemmaEncoderOptions& o) : options_(o) {
  embed_tokens = register_module("embed_tokens", torch::nn::Embedding(o.vocab_size, o.hidden_size));
  layers = register_module("layers", torch::nn::ModuleList());
  for (int64_t i = 0; i < o.num_hidden_layers; ++i) {
    layers_.emplace_back(o);
    layers->push_back(layers_.back());
  }
  norm = register_module("norm", T5GemmaRMSNorm(o.hidden_size, o.rms_norm_eps));
}

at::Tensor T5GemmaEncoderImpl::forward(const at::Tensor& input_ids, const at::Tensor& attention_mask) {
  if (input_ids.dim() != 2 || attention_mask.sizes() != input_ids.sizes()) {
    throw_invalid("T5GemmaEncoder: expected input_ids [B, N] and an attention_mask of the same shape");
  }
  if (input_ids.numel() > 0 &&
      (input_ids.min().item<int64_t>() < 0 || input_ids.max().item<int64_t>() >= options_.vocab_size)) {
    throw_invalid("T5GemmaEncoder: token id outside the vocabulary of " + std::to_string(options_.vocab_size) +
                  " (tokenizer and text encoder do not match)");
  }
  const int64_t n = input_ids.size(1);
  const at::Tensor& table = embed_tokens->weight;
  const at::Tensor ids = input_ids.to(table.device(), at::kLong);
  at::Tensor x = embed_tokens(ids);
  // The normaliser is cast to the activation dtype first (sqrt(768) is 27.75 in bf16), as HF does.
  x = x * at::scalar_tensor(std::sqrt(static_cast<double>(options_.hidden_size)), x.options());

  // T5GemmaRotaryEmbedding (default rope): fp32 angles for positions 0..N-1, cast to x's dtype.
  const auto f32 = at::TensorOptions().device(x.device()).dtype(at::kFloat);
  const at::Tensor inv_freq =
      1.0 / at::pow(options_.rope_theta, at::arange(0, options_.head_dim, 2, f32) / double(options_.head_dim));
  const at::Tensor freqs = at::outer(at::arange(n, f32), inv_freq);
  const at::Tensor angles = at::cat({freqs, freqs}, -1);
  const at::Tensor cos = angles.cos().to(x.scalar_type());
  const at::Tensor sin = angles.sin().to(x.scalar_type());

  // Additive masks in fp32 (scores promote to fp32 before the fp32 softmax): padded keys are
  // excluded (bidirectional, no causal part); sliding layers also need |i - j| < window.
  const at::Tensor keys = attention_mask.to(x.device(), at::kBool).view({-1, 1, 1, n});
  const at::Tensor pos = at::arange(n, at::TensorOptions().device(x.device()).dtype(at::kLong));
  const at::Tensor near = at::abs(pos.view({n, 1}) - pos.view({1, n})) < options_.sliding_window;
  const at::Tensor zero = at::zeros({}, f32);
  const at::Tensor masked = at::scalar_tensor(std::numeric_limits<float>::lowest(), f32);
  const at::Tensor full_bias = at::where(keys, zero, masked);
  const at::Tensor sliding_bias = at::where(at::logical_and(keys, near), zero, masked);

  for (size_t i = 0; i < layers_.size(); ++i) {
    x = layers_[i](x, cos, sin, options_.is_sliding(int64_t(i)) ? sliding_bias : full_bias);
  }
  return norm(x);
}

T5GemmaEncoder make_random_t5gemma_encoder(const T5GemmaEncoderOptions& options, uint64_t seed) {
  at::manual_seed(seed);
  T5GemmaEncoder encoder(options);
  at::NoGradGuard no_grad;
  for (const auto& p : encoder->named_parameters()) {
    if (p.key().find("norm") != std::string::npos) p.value().copy_(0.1 * at::randn(p.value().sizes()));
  }
  return encoder;
}

}  // namespace sa3
