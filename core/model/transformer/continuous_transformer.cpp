// SPDX-License-Identifier: GPL-3.0-or-later
// The DiT's transformer stack.
#include "model/transformer/continuous_transformer.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace sa3 {

ContinuousTransformerImpl::ContinuousTransformerImpl(const ContinuousTransformerOptions& o)
    : options_(o) {
  auto linear = [](std::int64_t in, std::int64_t out) {
    return AdaptableLinear(torch::nn::LinearOptions(in, out).bias(false));
  };
  project_in = register_module("project_in", linear(o.dim_in, o.dim));
  project_out = register_module("project_out", linear(o.dim, o.dim_out));
  // transformer.py: RotaryEmbedding(max(dim_heads // 2, 32)).
  rotary_pos_emb = register_module("rotary_pos_emb", RotaryEmbedding(std::max<std::int64_t>(o.dim_heads / 2, 32)));
  if (o.num_memory_tokens > 0)
    memory_tokens = register_parameter("memory_tokens", at::randn({o.num_memory_tokens, o.dim}));
  global_cond_embedder = register_module("global_cond_embedder", SiLUMlp(o.dim, o.dim, 6 * o.dim, true));
  layers = register_module("layers", torch::nn::ModuleList());
  for (std::int64_t i = 0; i < o.depth; ++i) {
    TransformerBlock block(TransformerBlockOptions{o.dim, o.dim_heads, o.differential, o.ff_mult,
                                                   o.local_add_cond_dim});
    layers->push_back(block);
    blocks_.push_back(block);
  }
}

at::Tensor ContinuousTransformerImpl::forward(const at::Tensor& x, const at::Tensor& context,
                                              const at::Tensor& global, const at::Tensor& local,
                                              const at::Tensor& padding_mask,
                                              const ActivationTap* tap, const std::string& path) {
  const auto batch = x.size(0);
  const auto memory = options_.num_memory_tokens;
  at::Tensor h = project_in(x);
  report(tap, path + "project_in", h);
  if (memory > 0) h = at::cat({memory_tokens.unsqueeze(0).expand({batch, memory, h.size(2)}), h}, 1);
  const RotaryTable rope = rotary_pos_emb->table(h.size(1));
  const at::Tensor gmod = global_cond_embedder(global);
  report(tap, path + "global_cond_embedder", gmod);
  at::Tensor mask;
  if (padding_mask.defined()) {
    mask = padding_mask.to(at::kBool);
    if (memory > 0) mask = at::cat({at::ones({batch, memory}, mask.options()), mask}, 1);
  }

  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    const std::string block_path = path + "layers." + std::to_string(i);
    TransformerBlock& block = blocks_[i];
    if (block_runner) {
      BlockFunction fn = [&block, tap, block_path](const std::vector<at::Tensor>& in) {
        return block->forward(BlockInputs{in[0], in[1], in[2], in[3], in[4], in[5], in[6]}, tap, block_path);
      };
      h = block_runner(fn, {h, context, gmod, local, mask, rope.cos, rope.sin});
    } else {
      h = block->forward(BlockInputs{h, context, gmod, local, mask, rope.cos, rope.sin}, tap, block_path);
    }
    report(tap, block_path, h);
  }
  if (memory > 0) h = h.narrow(1, memory, h.size(1) - memory);
  return project_out(h);
}

}  // namespace sa3
