// SPDX-License-Identifier: GPL-3.0-or-later
// The adaLN DiT block.
#include "model/transformer/transformer_block.h"

#include <ATen/ATen.h>

namespace sa3 {

TransformerBlockImpl::TransformerBlockImpl(const TransformerBlockOptions& o) {
  const AttentionOptions self{o.dim, o.dim_heads, false, o.differential};
  const AttentionOptions cross{o.dim, o.dim_heads, true, o.differential};
  pre_norm = register_module("pre_norm", RMSNorm(o.dim, o.norm_eps, true));
  self_attn = register_module("self_attn", Attention(self));
  cross_attend_norm = register_module("cross_attend_norm", RMSNorm(o.dim, o.norm_eps, true));
  cross_attn = register_module("cross_attn", Attention(cross));
  ff_norm = register_module("ff_norm", RMSNorm(o.dim, o.norm_eps, true));
  ff = register_module("ff", FeedForward(o.dim, o.ff_mult));
  if (o.local_add_cond_dim > 0)
    to_local_embed = register_module("to_local_embed", SiLUMlp(o.local_add_cond_dim, o.dim, o.dim, true));
  to_scale_shift_gate =
      register_parameter("to_scale_shift_gate", at::randn({6 * o.dim}) / std::sqrt(static_cast<double>(o.dim)));
}

at::Tensor TransformerBlockImpl::forward(const BlockInputs& in, const ActivationTap* tap,
                                         const std::string& path) {
  const auto mods = (to_scale_shift_gate + in.global_cond).unsqueeze(1).chunk(6, -1);
  const at::Tensor &scale_self = mods[0], &shift_self = mods[1], &gate_self = mods[2];
  const at::Tensor &scale_ff = mods[3], &shift_ff = mods[4], &gate_ff = mods[5];
  const RotaryTable rope{in.rope_cos, in.rope_sin};
  at::Tensor row_mask;
  if (in.padding_mask.defined()) row_mask = in.padding_mask.unsqueeze(-1).to(in.x.scalar_type());

  at::Tensor h = in.x;
  at::Tensor y = self_attn->forward_self(pre_norm(h) * (1 + scale_self) + shift_self, rope, in.padding_mask);
  if (row_mask.defined()) y = y * row_mask;
  report(tap, path + ".self_attn", y);
  h = h + y * at::sigmoid(1 - gate_self);

  y = cross_attn->forward_cross(cross_attend_norm(h), in.context);
  report(tap, path + ".cross_attn", y);
  h = h + y;

  if (to_local_embed && in.local.defined()) {
    const at::Tensor local = to_local_embed(in.local);
    // Left-pad with zeros over the memory tokens (transformer.py: _left_pad_to_match).
    h = h + at::constant_pad_nd(local, {0, 0, h.size(1) - local.size(1), 0});
  }

  y = ff(ff_norm(h) * (1 + scale_ff) + shift_ff);
  if (row_mask.defined()) y = y * row_mask;
  report(tap, path + ".ff", y);
  return h + y * at::sigmoid(1 - gate_ff);
}

}  // namespace sa3
