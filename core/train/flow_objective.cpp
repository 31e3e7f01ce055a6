// SPDX-License-Identifier: GPL-3.0-or-later
// Rectified-flow training inputs and masked loss, op for op as upstream for parity.
#include "train/flow_objective.h"

#include <vector>

#include <ATen/ATen.h>

#include "train/ot_coupling.h"
#include "train/padding_masks.h"

namespace sa3 {

FlowDraws draw_flow_randomness(TrainingRng& rng, const at::Tensor& padding_mask, int64_t channels,
                               const FlowObjectiveOptions& options) {
  const int64_t batch = padding_mask.size(0);
  const int64_t length = padding_mask.size(1);
  FlowDraws d;
  d.z = rng.normal({batch});
  d.noise = rng.normal({batch, channels, length});
  const double scale_tokens =
      options.silence_extension_seconds * options.sample_rate / options.downsampling_ratio;
  d.aug_mask = augment_padding_mask(padding_mask.cpu(), rng, scale_tokens);
  d.inpaint_mask = random_inpaint_mask(d.aug_mask, rng, options.inpaint);
  d.cfg_drop = at::empty({batch}, at::kBool);
  for (int64_t b = 0; b < batch; ++b) d.cfg_drop[b] = rng.uniform() < options.cfg_dropout;
  return d;
}

FlowInputs prepare_flow_inputs(const at::Tensor& x0, const at::Tensor& seconds_total,
                               const FlowDraws& draws, const FlowObjectiveOptions& options) {
  const int64_t batch = x0.size(0);
  const auto device = x0.device();
  std::vector<int64_t> lengths;
  const auto seconds = seconds_total.to(at::kDouble).cpu();
  for (int64_t b = 0; b < batch; ++b) {
    lengths.push_back(effective_latent_length(seconds[b].item<double>(), options.sample_rate,
                                              options.downsampling_ratio));
  }
  FlowInputs in;
  in.t = training_timesteps(draws.z, at::tensor(lengths), options.shift).to(device);
  auto noise = draws.noise.to(device);
  if (options.ot_coupling && batch > 1) {
    in.perm = ot_coupling_permutation(x0, noise);
    noise = noise.index_select(0, in.perm);
  } else {
    in.perm = at::arange(batch, at::TensorOptions().dtype(at::kLong).device(device));
  }
  const auto alphas = (1 - in.t).view({-1, 1, 1});
  const auto sigmas = in.t.view({-1, 1, 1});
  in.noised = x0 * alphas + noise * sigmas;
  in.target = noise - x0;
  const auto mask = draws.inpaint_mask.to(device);
  in.local_cond = at::cat({mask, x0 * mask}, 1);
  return in;
}

FlowLoss flow_loss(const at::Tensor& v_hat, const at::Tensor& target, const at::Tensor& aug_mask,
                   const at::Tensor& inpaint_mask, double mask_loss_weight) {
  const auto mse = (v_hat.to(at::kFloat) - target.to(at::kFloat)).pow(2);
  const auto channels = static_cast<double>(mse.size(1));
  const auto aug = aug_mask.to(at::kBool).to(mse.device());
  const auto keep = inpaint_mask.squeeze(1).to(at::kBool).to(mse.device());
  const auto loss_mask = aug & ~keep;

  FlowLoss out;
  const auto signal = at::where(loss_mask.unsqueeze(1), mse, at::zeros({}, mse.options()));
  const auto signal_count = loss_mask.sum(1) * channels;
  out.generated = (signal.sum({1, 2}) / (signal_count + 1e-8)).mean();
  out.signal_mean = (signal.sum() / (signal_count.sum() + 1e-8)).detach();

  const auto context = keep & aug;
  const auto n_ctx = context.sum(1) * channels;
  out.context = at::zeros({}, mse.options());
  out.loss = out.generated;
  if (mask_loss_weight > 0 && n_ctx.sum().item<double>() > 0) {
    const auto values = at::where(context.unsqueeze(1), mse, at::zeros({}, mse.options()));
    out.context = (values.sum({1, 2}) / (n_ctx + 1e-8)).mean();
    out.loss = out.loss + out.context * mask_loss_weight;
  }
  return out;
}

}  // namespace sa3
