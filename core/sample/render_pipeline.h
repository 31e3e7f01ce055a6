// SPDX-License-Identifier: GPL-3.0-or-later
// render_audio: text → audio with a loaded Sa3Model (upstream model.py: StableAudioModel.generate
// and inference/sampling.py: sample_diffusion, text-to-audio path): tokenize and encode the
// prompt, embed the duration, sample latents on the log-SNR schedule (ping-pong for
// post-trained models, Euler with CFG/APG for base models) over a canvas padded for the
// duration, decode with SAME, zero what lies past the attended region, clamp and trim.
//
// Used by the Generator facade and by the trainer's validation demos, whose live adapters are
// attached to the same modules (pass loras = nullptr then).
// Threading: one render at a time per model. Cancellation: `job` is checked before every
// sampler step and before decoding (throws sa3::Cancelled). Progress: "step" per sampler step.
#pragma once

#include <ATen/core/Tensor.h>

#include "model/sa3_model.h"
#include "sa3/generate.h"
#include "sa3/job_control.h"
#include "sample/samplers.h"

namespace sa3 {

class InferenceLoras;

// The sampler, step count and CFG scale `settings` resolve to for `model` (defaults: ping-pong,
// 8 steps, CFG 1 for post-trained models; Euler, 50 steps, CFG 7 for base models).
struct ResolvedSampling {
  SamplerKind sampler = SamplerKind::PingPong;
  int steps = 8;
  double cfg_scale = 1.0;
};
ResolvedSampling resolve_sampling(const Sa3Model& model, const GenerateSettings& settings);

// Stereo float32 CPU audio [2, samples] of exactly settings.seconds. When `loras` is given, its
// selected LoRAs are switched per step by their sigma interval.
at::Tensor render_audio(Sa3Model& model, const GenerateSettings& settings, InferenceLoras* loras, JobControl& job);

}  // namespace sa3
