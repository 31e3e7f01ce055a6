// SPDX-License-Identifier: GPL-3.0-or-later
// The DiT forward and its CFG wrapper.
#include "model/dit.h"

#include <ATen/ATen.h>

#include "model/blocks.h"

namespace sa3 {

DiffusionTransformerImpl::DiffusionTransformerImpl(const DiffusionTransformerOptions& o) : options_(o) {
  const std::int64_t e = o.embed_dim;
  to_timestep_embed = register_module("to_timestep_embed", SiLUMlp(o.timestep_features_dim, e, e, true));
  to_cond_embed = register_module("to_cond_embed", SiLUMlp(o.cond_token_dim, e, e, false));
  to_global_embed = register_module("to_global_embed", SiLUMlp(o.global_cond_dim, e, e, false));
  transformer = register_module(
      "transformer",
      ContinuousTransformer(ContinuousTransformerOptions{e, o.depth, o.io_channels, o.io_channels,
                                                        o.dim_heads(), o.num_memory_tokens,
                                                        o.differential, o.ff_mult,
                                                        o.local_add_cond_dim}));
  auto conv = [](std::int64_t c) {
    return AdaptableConv1d(torch::nn::Conv1dOptions(c, c, 1).bias(false));
  };
  preprocess_conv = register_module("preprocess_conv", conv(o.io_channels));
  postprocess_conv = register_module("postprocess_conv", conv(o.io_channels));
}

// dit.py: DiffusionTransformer.forward (dtype casts) + _forward (continuous_transformer,
// adaLN global conditioning, timestep as global, patch_size 1, no prepend/input-concat).
at::Tensor DiffusionTransformerImpl::forward(const at::Tensor& x_in, const at::Tensor& t,
                                             const DiTConditioning& cond) {
  const ActivationTap* taps = tap ? &tap : nullptr;
  const auto dtype = preprocess_conv->weight.scalar_type();
  at::Tensor x = x_in.to(dtype);

  const at::Tensor context = to_cond_embed(cond.cross.to(dtype));
  report(taps, "to_cond_embed", context);
  at::Tensor global = to_global_embed(cond.global.to(dtype));
  report(taps, "to_global_embed", global);

  // Upstream keeps t in fp32, then casts it to the model dtype right before the features.
  const at::Tensor features = expo_fourier_features(t.to(at::kFloat).to(dtype), options_.timestep_features_dim);
  report(taps, "timestep_features", features);
  const at::Tensor timestep_embed = to_timestep_embed(features);
  report(taps, "to_timestep_embed", timestep_embed);
  global = global + timestep_embed;

  x = preprocess_conv(x) + x;
  at::Tensor local;
  if (cond.local.defined()) local = cond.local.to(dtype).transpose(1, 2);
  at::Tensor out = transformer->forward(x.transpose(1, 2), context, global, local, cond.padding_mask,
                                        taps, "transformer.");
  out = out.transpose(1, 2);
  return postprocess_conv(out) + out;
}

at::Tensor DiffusionTransformerImpl::forward_cfg(const at::Tensor& x, const at::Tensor& t,
                                                 const DiTConditioning& cond, const CfgOptions& o) {
  const double t0 = t.numel() ? t[0].item<double>() : 0.0;
  if (o.scale == 1.0 || t0 < o.interval_min || t0 > o.interval_max) return forward(x, t, cond);
  const at::Tensor null_cross = o.negative_cross.defined() ? o.negative_cross.to(cond.cross.scalar_type())
                                                           : at::zeros_like(cond.cross);
  auto twice = [](const at::Tensor& v) { return v.defined() ? at::cat({v, v}, 0) : v; };
  const DiTConditioning batch{at::cat({cond.cross, null_cross}, 0), twice(cond.global), twice(cond.local),
                              twice(cond.padding_mask)};
  const auto outputs = forward(twice(x), twice(t), batch).chunk(2, 0);
  const auto dtype = outputs[0].scalar_type();
  return guide_velocity(x.to(dtype), t, outputs[0], outputs[1], cond.padding_mask, o);
}

}  // namespace sa3
