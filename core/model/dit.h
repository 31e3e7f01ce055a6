// SPDX-License-Identifier: GPL-3.0-or-later
// DiffusionTransformer: SA3's DiT, the rectified-flow velocity model v̂(x_t, t, cond)
// (stable_audio_3/models/dit.py: DiffusionTransformer._forward and forward; spec §2).
// Registered names equal the checkpoint keys under `model.model.` (see core/model/README.md).
//
// Dtypes: weights in fp32, bf16 or fp16 (module.to(dtype)); inputs are cast to the weights'
//   dtype, t stays fp32 until the Fourier features (as upstream). Norms, RoPE and softmax
//   run in fp32 internally for half types.
// Threading: one forward at a time per instance. Errors: c10::Error on shape misuse.
//
//   sa3::DiffusionTransformer dit(options);
//   sa3::load_state_dict(*dit, file, "model.model.");
//   at::Tensor v = dit->forward(x, t, cond);
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/activation_tap.h"
#include "model/cfg_guidance.h"
#include "model/dit_conditioning.h"
#include "model/dit_options.h"
#include "model/lora/adaptable_conv1d.h"
#include "model/silu_mlp.h"
#include "model/transformer/continuous_transformer.h"

namespace sa3 {

class DiffusionTransformerImpl : public torch::nn::Module {
 public:
  explicit DiffusionTransformerImpl(const DiffusionTransformerOptions& options);

  // x [B,C,T] noisy latent, t [B] in [0,1] (1 = noise) -> v̂ [B,C,T] in the weights' dtype.
  at::Tensor forward(const at::Tensor& x, const at::Tensor& t, const DiTConditioning& cond);

  // With classifier-free guidance (cond vs. zeros or options.negative_cross, batched as one
  // forward of 2B) when options.scale != 1 and t[0] lies in the guidance interval; otherwise
  // the plain forward. The reference's null condition zeroes only the cross tokens.
  at::Tensor forward_cfg(const at::Tensor& x, const at::Tensor& t, const DiTConditioning& cond,
                         const CfgOptions& options);

  const DiffusionTransformerOptions& options() const { return options_; }

  SiLUMlp to_timestep_embed{nullptr};
  SiLUMlp to_cond_embed{nullptr};
  SiLUMlp to_global_embed{nullptr};
  AdaptableConv1d preprocess_conv{nullptr};
  AdaptableConv1d postprocess_conv{nullptr};
  ContinuousTransformer transformer{nullptr};

  // Receives "timestep_features", "to_timestep_embed", "to_cond_embed", "to_global_embed",
  // "transformer.project_in", "transformer.global_cond_embedder", "transformer.layers.<i>"
  // (and its ".self_attn", ".cross_attn", ".ff"). Prefix "model.model." for checkpoint paths.
  ActivationTap tap;

 private:
  DiffusionTransformerOptions options_;
};
TORCH_MODULE(DiffusionTransformer);

}  // namespace sa3
