// SPDX-License-Identifier: GPL-3.0-or-later
// ContinuousTransformer (stable_audio_3/models/transformer.py: ContinuousTransformer.forward):
// project_in, prepend `memory_tokens`, RoPE over [memory ; latents] from position 0,
// global_cond_embedder (E -> 6E adaLN vector), the blocks, drop memory, project_out.
// Memory tokens are always valid in the padding mask.
//
// Gradient checkpointing: set `block_runner`; each block is then called as
// block_runner(fn, {x, context, global_cond, local, padding_mask, rope_cos, rope_sin}) where
// fn(inputs) runs the block on exactly those tensors (undefined ones stay undefined) and
// captures no other tensor, so a runner may drop activations and call fn again in backward.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/pimpl.h>

#include <functional>
#include <vector>

#include "model/activation_tap.h"
#include "model/lora/adaptable_linear.h"
#include "model/silu_mlp.h"
#include "model/transformer/rotary_embedding.h"
#include "model/transformer/transformer_block.h"

namespace sa3 {

struct ContinuousTransformerOptions {
  std::int64_t dim = 0;
  std::int64_t depth = 0;
  std::int64_t dim_in = 0;
  std::int64_t dim_out = 0;
  std::int64_t dim_heads = 64;
  std::int64_t num_memory_tokens = 0;
  bool differential = false;
  double ff_mult = 4;
  std::int64_t local_add_cond_dim = 0;
};

using BlockFunction = std::function<at::Tensor(const std::vector<at::Tensor>&)>;
using BlockRunner = std::function<at::Tensor(const BlockFunction& block, const std::vector<at::Tensor>& inputs)>;

class ContinuousTransformerImpl : public torch::nn::Module {
 public:
  explicit ContinuousTransformerImpl(const ContinuousTransformerOptions& options);

  // x [B,T,dim_in], context [B,Lc,E], global [B,E], local [B,T,C] or undefined,
  // padding_mask [B,T] bool or undefined -> [B,T,dim_out]. Tap paths are relative to this
  // module ("project_in", "global_cond_embedder", "layers.3").
  at::Tensor forward(const at::Tensor& x, const at::Tensor& context, const at::Tensor& global,
                     const at::Tensor& local, const at::Tensor& padding_mask,
                     const ActivationTap* tap = nullptr, const std::string& path = {});

  AdaptableLinear project_in{nullptr};
  AdaptableLinear project_out{nullptr};
  RotaryEmbedding rotary_pos_emb{nullptr};
  at::Tensor memory_tokens;
  SiLUMlp global_cond_embedder{nullptr};
  torch::nn::ModuleList layers{nullptr};

  // Optional: how each block is run (gradient checkpointing); see the file comment.
  BlockRunner block_runner;

 private:
  ContinuousTransformerOptions options_;
  std::vector<TransformerBlock> blocks_;
};
TORCH_MODULE(ContinuousTransformer);

}  // namespace sa3
