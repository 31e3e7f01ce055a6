// SPDX-License-Identifier: GPL-3.0-or-later
// The DiT block (stable_audio_3/models/transformer.py: TransformerBlock.forward, adaLN branch):
//   (scale,shift,gate)×2 = split6(to_scale_shift_gate + global_cond)
//   h += SelfAttn(pre_norm(h)·(1+scale_a)+shift_a) · σ(1 − gate_a)
//   h += CrossAttn(cross_attend_norm(h), context)
//   h += leftpad(to_local_embed(local))          (memory positions get 0)
//   h += FF(ff_norm(h)·(1+scale_f)+shift_f) · σ(1 − gate_f)
// With a key-padding mask the self-attention and FF branches are 0 at padded rows, which is
// what upstream's flash-attn varlen path computes (spec §2, fixture README §1); upstream's
// V-zeroing fallback is deliberately not reproduced.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/activation_tap.h"
#include "model/silu_mlp.h"
#include "model/transformer/attention.h"
#include "model/transformer/feed_forward.h"
#include "model/transformer/rms_norm.h"
#include "model/transformer/rotary_embedding.h"

namespace sa3 {

struct TransformerBlockOptions {
  std::int64_t dim = 0;
  std::int64_t dim_heads = 64;
  bool differential = false;
  double ff_mult = 4;
  std::int64_t local_add_cond_dim = 0;  // 0: no to_local_embed
  double norm_eps = 1e-5;
};

// Everything one block reads, as tensors, so a checkpointing runner can save and replay it.
struct BlockInputs {
  at::Tensor x;             // [B, M+T, E]
  at::Tensor context;       // [B, Lc, E] (embedded cross tokens)
  at::Tensor global_cond;   // [B, 6E] (global_cond_embedder output)
  at::Tensor local;         // [B, T, local_add_cond_dim] or undefined
  at::Tensor padding_mask;  // [B, M+T] bool, true = valid; or undefined
  at::Tensor rope_cos;      // [M+T, rope dims] fp32
  at::Tensor rope_sin;
};

class TransformerBlockImpl : public torch::nn::Module {
 public:
  explicit TransformerBlockImpl(const TransformerBlockOptions& options);

  // -> [B, M+T, E]. `tap` receives "<path>.self_attn", "<path>.cross_attn", "<path>.ff".
  at::Tensor forward(const BlockInputs& in, const ActivationTap* tap = nullptr,
                     const std::string& path = {});

  RMSNorm pre_norm{nullptr};
  Attention self_attn{nullptr};
  RMSNorm cross_attend_norm{nullptr};
  Attention cross_attn{nullptr};
  RMSNorm ff_norm{nullptr};
  FeedForward ff{nullptr};
  SiLUMlp to_local_embed{nullptr};
  at::Tensor to_scale_shift_gate;
};
TORCH_MODULE(TransformerBlock);

}  // namespace sa3
