// SPDX-License-Identifier: GPL-3.0-or-later
// render_audio: conditioning, sampling and decoding of one render.
#include "sample/render_pipeline.h"

#include <algorithm>
#include <string>

#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/tensor.h>

#include "model/conditioner_padding.h"
#include "sa3/error.h"
#include "sample/inference_loras.h"
#include "sample/render_layout.h"
#include "sample/schedule.h"
#include "sample/seeded_noise.h"

namespace sa3 {
namespace {

constexpr int kMaxSteps = 1000;

DiTConditioning encode_conditioning(Sa3Model& model, const GenerateSettings& settings, const RenderLayout& layout) {
  const auto options = at::TensorOptions().device(model.device);
  const TokenizedPrompts tokens = model.tokenizer->encode_batch({settings.prompt}, model.config.prompt_max_length);
  const at::Tensor ids = tokens.input_ids.to(options.dtype(at::kLong));
  const at::Tensor mask = tokens.attention_mask.to(options.dtype(at::kBool));
  const at::Tensor hidden = model.t5gemma->forward(ids, mask).to(model.dtype);
  const at::Tensor prompt = apply_learned_padding(hidden, mask, model.prompt_padding_embedding);
  // Upstream passes seconds_total as a python float; torch.tensor rounds it to fp32.
  const at::Tensor seconds = at::tensor({static_cast<float>(settings.seconds)}, options.dtype(at::kFloat));
  const at::Tensor seconds_embedding = model.seconds_conditioner->forward(seconds).embedding;
  return assemble_conditioning(prompt, seconds_embedding, at::Tensor(), at::Tensor(), model.config.latent_channels,
                               layout.latent_length, layout.padding_mask(1, model.device));
}

SamplingShift sampling_shift(const Sa3Model& model) {
  if (model.config.sampling_shift.is_null()) return SamplingShift::model_default();
  return SamplingShift::from_json(model.config.sampling_shift,
                                  model.paths.model_config.string() + ": model.diffusion.sampling_distribution_shift_options");
}

}  // namespace

ResolvedSampling resolve_sampling(const Sa3Model& model, const GenerateSettings& settings) {
  ResolvedSampling r;
  r.sampler = settings.sampler;
  if (r.sampler == SamplerKind::Auto) r.sampler = model.post_trained() ? SamplerKind::PingPong : SamplerKind::Euler;
  r.steps = settings.steps > 0 ? settings.steps : (r.sampler == SamplerKind::PingPong ? kPostTrainedSteps : kBaseSteps);
  r.cfg_scale = settings.cfg_scale >= 0 ? settings.cfg_scale : (model.post_trained() ? kPostTrainedCfg : kBaseCfg);
  if (r.steps > kMaxSteps) {
    throw_invalid("steps: at most " + std::to_string(kMaxSteps) + ", got " + std::to_string(r.steps));
  }
  return r;
}

at::Tensor render_audio(Sa3Model& model, const GenerateSettings& settings, InferenceLoras* loras, JobControl& job) {
  at::NoGradGuard no_grad;
  const ResolvedSampling sampling = resolve_sampling(model, settings);
  RenderGeometry geometry;
  geometry.sample_rate = model.config.sample_rate;
  geometry.downsampling_ratio = model.config.downsampling_ratio;
  geometry.latent_align = model.config.latent_align;
  geometry.max_samples = model.config.sample_size;
  const RenderLayout layout = layout_for_duration(settings.seconds, geometry);
  const at::Tensor schedule = build_schedule(sampling.steps, 1.0, sampling_shift(model), layout.effective_length);

  // The conditioner's LoRAs are not gated by the interval; switch them on before it runs.
  if (loras) loras->apply_for_timestep(schedule[0].item<double>());
  const DiTConditioning cond = encode_conditioning(model, settings, layout);

  SeededNoise noise(settings.seed);
  const auto latent_options = at::TensorOptions().device(model.device).dtype(model.dtype);
  const at::Tensor x = noise.draw({1, model.config.latent_channels, layout.latent_length}, latent_options);

  CfgOptions cfg;
  cfg.scale = sampling.cfg_scale;
  cfg.apg_scale = settings.apg_scale;
  const VelocityFn velocity = [&](const at::Tensor& xt, const at::Tensor& t) {
    if (loras) loras->apply_for_timestep(t[0].item<double>());
    return model.dit->forward_cfg(xt, t, cond, cfg);
  };
  const StepFn on_step = [&](int64_t done, int64_t total) {
    job.progress(static_cast<double>(done), static_cast<double>(total), "step");
    job.check_cancelled();
  };
  job.check_cancelled();
  const at::Tensor latents =
      sampling.sampler == SamplerKind::PingPong
          ? sample_pingpong(velocity, x, schedule, [&](const at::Tensor& like) { return noise.like(like); }, on_step)
          : sample_euler(velocity, x, schedule, on_step);

  job.check_cancelled();
  job.progress(0, 1, "decode");
  at::Tensor audio = model.pretransform->decode(latents.to(model.dtype))[0];
  // Padded latents decode to noise: zero everything past the attended region, as upstream.
  const int64_t valid_samples = std::min(layout.valid_length * model.config.downsampling_ratio, audio.size(-1));
  audio = audio.to(at::kFloat).to(at::kCPU);
  audio.slice(-1, valid_samples).zero_();
  audio = audio.clamp(-1.0, 1.0);
  const int64_t keep = std::min(layout.output_samples, audio.size(-1));
  job.progress(1, 1, "decode");
  return audio.slice(-1, 0, keep).contiguous();
}

}  // namespace sa3
