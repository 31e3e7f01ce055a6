// SPDX-License-Identifier: GPL-3.0-or-later
// The rectified-flow training objective of the base models (spec §5; upstream
// training/diffusion.py: DiffusionCondTrainingWrapper.training_step with train_lora.py's recipe).
//
// Split in three so parity tests can pin the randomness: draw_flow_randomness() takes every
// random decision of a step from the run's TrainingRng; prepare_flow_inputs() turns clean
// latents and those draws into the model's inputs and target; flow_loss() is the masked loss.
#pragma once

#include <ATen/core/Tensor.h>

#include "train/inpaint_mask.h"
#include "train/timestep_sampler.h"
#include "train/training_rng.h"

namespace sa3 {

struct FlowObjectiveOptions {
  DistributionShiftOptions shift;
  double cfg_dropout = 0.1;
  double silence_extension_seconds = 4.0;
  int sample_rate = 44100;
  int downsampling_ratio = 4096;
  InpaintMaskOptions inpaint;
  bool ot_coupling = true;
  double mask_loss_weight = 1.0;
};

// Every random decision of one step.
struct FlowDraws {
  at::Tensor z;             // [B] timestep logits
  at::Tensor noise;         // [B, C, T]
  at::Tensor aug_mask;      // [B, T] bool, padding mask after silence extension
  at::Tensor inpaint_mask;  // [B, 1, T] float, 1 = context
  at::Tensor cfg_drop;      // [B] bool, true = drop the cross-attention condition
};

FlowDraws draw_flow_randomness(TrainingRng& rng, const at::Tensor& padding_mask, int64_t channels,
                               const FlowObjectiveOptions& options = {});

struct FlowInputs {
  at::Tensor t;           // [B] fp32, after the length shift
  at::Tensor perm;        // [B] int64, noise[perm] is the noise used
  at::Tensor noised;      // [B, C, T] (1−t)·x0 + t·noise[perm]
  at::Tensor target;      // [B, C, T] noise[perm] − x0
  at::Tensor local_cond;  // [B, 1+C, T] [inpaint_mask ; x0·inpaint_mask]
};

// x0 [B, C, T] fp32; seconds_total [B] (full source lengths) sets each sample's shift.
FlowInputs prepare_flow_inputs(const at::Tensor& x0, const at::Tensor& seconds_total,
                               const FlowDraws& draws, const FlowObjectiveOptions& options = {});

struct FlowLoss {
  at::Tensor loss;          // generated + mask_loss_weight · context
  at::Tensor generated;     // upstream's mse_loss: mean over samples of the generated region
  at::Tensor context;       // upstream's mse_context_loss (0 when no sample has context)
  at::Tensor signal_mean;   // upstream's mse_signal (logging)
};

// v_hat, target [B, C, T]; aug_mask [B, T] bool; inpaint_mask [B, 1, T].
FlowLoss flow_loss(const at::Tensor& v_hat, const at::Tensor& target, const at::Tensor& aug_mask,
                   const at::Tensor& inpaint_mask, double mask_loss_weight = 1.0);

}  // namespace sa3
