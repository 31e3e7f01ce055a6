// SPDX-License-Identifier: GPL-3.0-or-later
// Timestep warps for inference schedules (upstream stable_audio_3/inference/distribution_shift.py).
// A shift maps the linear schedule u ∈ [0,1] onto the timesteps a model was trained to see; some
// depend on the latent sequence length. Plain values; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include <ATen/core/Tensor.h>
#include <nlohmann/json_fwd.hpp>

namespace sa3 {

struct SamplingShift {
  enum class Type {
    None,    // IdentityDistributionShift
    LogSnr,  // LogSNRShift: uniform in log-SNR between logsnr_end and a length-dependent start
    Full,    // DistributionShift: SD3-style exp(mu) shift, mu linear in the clamped length
    Flux,    // FluxDistributionShift: alpha·t/(1+(alpha−1)t), alpha log-linear in length
  };
  Type type = Type::LogSnr;

  // LogSnr: logsnr_start = anchor_logsnr − rate·log2(L/anchor_length).
  double anchor_length = 2000.0;
  double anchor_logsnr = -6.2;
  double rate = 0.0;
  double logsnr_end = 2.0;
  // Full: mu = −(base_shift + (max_shift − base_shift)(L − min_length)/(max_length − min_length)).
  double base_shift = 0.5;
  double max_shift = 1.15;
  bool use_sine = false;  // Full: follow with sin(t·π/2)
  // Full and Flux: the length range L is clamped to.
  double min_length = 256.0;
  double max_length = 4096.0;
  // Flux: shift factor at min_length and at max_length.
  double alpha_min = 1.0;
  double alpha_max = 1.0;

  // The schedule every SA3 model uses when its config names none (upstream
  // models/diffusion.py: LogSNRShift(rate=0, anchor_logsnr=−6.2, logsnr_end=2.0)).
  static SamplingShift model_default();

  // Parses `sampling_distribution_shift_options` (keys as upstream, `type` defaulting to "full");
  // `where` names the field in messages. Throws sa3::Error (InvalidInput) on an unknown type or key.
  static SamplingShift from_json(const nlohmann::json& options, const std::string& where);

  // Warps timesteps `t` (any shape, float) for a latent sequence of `seq_len` tokens.
  at::Tensor apply(const at::Tensor& t, int64_t seq_len) const;
};

}  // namespace sa3
