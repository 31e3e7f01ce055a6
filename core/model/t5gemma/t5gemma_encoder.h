// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaEncoder: the frozen text encoder of SA3's prompt conditioner.
#pragma once

#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/pimpl.h>

#include "model/t5gemma/t5gemma_encoder_layer.h"
#include "model/t5gemma/t5gemma_options.h"
#include "model/t5gemma/t5gemma_rms_norm.h"

namespace sa3 {

// transformers models/t5gemma/modeling_t5gemma.py: T5GemmaEncoder (eval, no dropout).
// Registered names match the checkpoint under `model.encoder.`: embed_tokens.weight,
// layers.{i}.*, norm.weight. Weights may be fp32, bf16 or fp16; activations follow them,
// with norms, RoPE tables and softmax in fp32 as in transformers. Not thread-safe.
class T5GemmaEncoderImpl : public torch::nn::Module {
 public:
  explicit T5GemmaEncoderImpl(const T5GemmaEncoderOptions& options);

  // input_ids: [B, N] int64; attention_mask: [B, N] bool (true = token, false = padding).
  // Returns last_hidden_state [B, N, hidden] (padded positions hold values too; callers
  // replace them, see apply_learned_padding). Throws sa3::Error(InvalidInput) on shape
  // mismatches or ids outside the vocabulary.
  at::Tensor forward(const at::Tensor& input_ids, const at::Tensor& attention_mask);

  const T5GemmaEncoderOptions& options() const { return options_; }

  torch::nn::Embedding embed_tokens{nullptr};
  torch::nn::ModuleList layers{nullptr};
  T5GemmaRMSNorm norm{nullptr};

 private:
  T5GemmaEncoderOptions options_;
  std::vector<T5GemmaEncoderLayer> layers_;
};
TORCH_MODULE(T5GemmaEncoder);

// A freshly initialised encoder of `options` with non-zero norm gains, so every path of a tiny
// model carries signal. Reseeds torch's global CPU generator with `seed` (reproducible
// weights). Used by `sa3 models make-tiny`.
T5GemmaEncoder make_random_t5gemma_encoder(const T5GemmaEncoderOptions& options, uint64_t seed);

}  // namespace sa3
