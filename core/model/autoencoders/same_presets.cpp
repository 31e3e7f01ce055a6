// SPDX-License-Identifier: GPL-3.0-or-later
// SAME-S / SAME-L options and the random-weight builder.
#include "model/autoencoders/same_presets.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/randn.h>
#include <ATen/Context.h>

namespace sa3 {
namespace {

AudioAutoencoderOptions common(int64_t channels, int64_t depth) {
  AudioAutoencoderOptions o;
  SAMEOptions same;
  same.io_channels = 512;
  same.channels = channels;
  same.latent_dim = 256;
  same.c_mults = {6};
  same.strides = {16};
  same.transformer_depths = {depth};
  same.dim_heads = 64;
  same.differential = true;
  same.variable_stride = true;
  same.ff_mult = 3;
  same.sinusoidal_blocks = {0};
  o.encoder = same;
  o.decoder = same;
  o.bottleneck.dim = 256;
  o.bottleneck.noise_regularize = true;
  o.bottleneck.auto_scale = true;
  o.patch_channels = 2;
  o.patch_size = 256;
  o.latent_dim = 256;
  o.downsampling_ratio = 4096;
  o.io_channels = 2;
  o.sample_rate = 44100;
  return o;
}

}  // namespace

AudioAutoencoderOptions same_s_options() {
  AudioAutoencoderOptions o = common(128, 6);
  for (SAMEOptions* s : {&o.encoder, &o.decoder}) {
    s->chunk_size = 32;
    s->chunk_midpoint_shift = true;
  }
  o.decoder.conv_mapping = true;
  o.decoder.mask_noise = 0.01;
  return o;
}

AudioAutoencoderOptions same_l_options() {
  AudioAutoencoderOptions o = common(256, 12);
  o.encoder.sliding_window = std::array<int64_t, 2>{1, 1};
  o.decoder.sliding_window = std::array<int64_t, 2>{1, 1};
  o.decoder.sinusoidal_blocks = {8};
  o.decoder.mask_noise = 0.1;  // spec 3: 0.1 per sa3.cpp, 0.01 per another reading (unconfirmed)
  return o;
}

AudioAutoencoder make_random_autoencoder(const AudioAutoencoderOptions& options, uint64_t seed) {
  at::manual_seed(seed);
  AudioAutoencoder model(options);
  at::NoGradGuard no_grad;
  // Upstream starts these at identity values; random ones make a tiny model's paths distinct.
  model->bottleneck->scaling_factor.copy_(0.5 + at::rand(model->bottleneck->scaling_factor.sizes()));
  model->bottleneck->bias.copy_(0.1 * at::randn(model->bottleneck->bias.sizes()));
  if (model->bottleneck->running_std.defined()) model->bottleneck->running_std.fill_(0.8);
  return model;
}

}  // namespace sa3
