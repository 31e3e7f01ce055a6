// SPDX-License-Identifier: GPL-3.0-or-later
// SoftNormBottleneck encode/decode and its options.
#include "model/bottleneck.h"

#include <ATen/ops/ones.h>
#include <ATen/ops/randn_like.h>
#include <ATen/ops/zeros.h>
#include <nlohmann/json.hpp>

#include "sa3/error.h"

namespace sa3 {

SoftNormBottleneckOptions SoftNormBottleneckOptions::from_json(const nlohmann::json& config) {
  if (!config.is_object()) throw_invalid("bottleneck config: expected a JSON object");
  SoftNormBottleneckOptions o;
  try {
    o.dim = config.value("dim", o.dim);
    o.noise_augment_dim = config.value("noise_augment_dim", o.noise_augment_dim);
    o.noise_regularize = config.value("noise_regularize", o.noise_regularize);
    o.auto_scale = config.value("auto_scale", o.auto_scale);
  } catch (const nlohmann::json::exception& e) {
    throw_invalid(std::string("bottleneck config: a field has the wrong type (") + e.what() + ")");
  }
  if (o.dim <= 0) throw_invalid("bottleneck config: 'dim' must be positive, got " + std::to_string(o.dim));
  if (o.noise_augment_dim != 0) {
    throw_invalid("bottleneck config: 'noise_augment_dim' " + std::to_string(o.noise_augment_dim) +
                  " is not supported (SAME checkpoints use 0)");
  }
  return o;
}

SoftNormBottleneckImpl::SoftNormBottleneckImpl(const SoftNormBottleneckOptions& o) : options_(o) {
  scaling_factor = register_parameter("scaling_factor", at::ones({1, o.dim, 1}));
  bias = register_parameter("bias", at::zeros({1, o.dim, 1}));
  noise_scaling_factor = register_parameter("noise_scaling_factor", at::ones({1, o.noise_augment_dim, 1}));
  if (o.auto_scale) running_std = register_parameter("running_std", at::ones({1}), /*requires_grad=*/false);
}

at::Tensor SoftNormBottleneckImpl::encode(const at::Tensor& x) {
  at::Tensor z = x * scaling_factor + bias;
  if (running_std.defined()) z = z / running_std;
  return z;
}

at::Tensor SoftNormBottleneckImpl::decode(const at::Tensor& x) {
  at::Tensor z = running_std.defined() ? x * running_std : x;
  if (options_.noise_regularize) {
    // Eval-mode scale 1e-3 of the running std (or of the per-channel std without auto_scale).
    const at::Tensor scaling = running_std.defined() ? running_std : z.std(-1).unsqueeze(-1);
    z = z + at::randn_like(z) * scaling * 1e-3;
  }
  return z;
}

}  // namespace sa3
