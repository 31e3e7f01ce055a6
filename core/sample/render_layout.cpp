// SPDX-License-Identifier: GPL-3.0-or-later
// RenderLayout: integer arithmetic as upstream (int() truncation, ceil to the latent grid).
#include "sample/render_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <ATen/TensorOperators.h>
#include <ATen/ops/arange.h>

#include "sa3/error.h"

namespace sa3 {
namespace {

int64_t round_up(int64_t value, int64_t multiple) { return (value + multiple - 1) / multiple * multiple; }

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", seconds);
  return text;
}

}  // namespace

at::Tensor RenderLayout::padding_mask(int64_t batch, const at::Device& device) const {
  const at::Tensor positions = at::arange(latent_length, at::TensorOptions().dtype(at::kLong).device(device));
  return (positions < valid_length).unsqueeze(0).expand({batch, latent_length}).contiguous();
}

RenderLayout layout_for_duration(double seconds, const RenderGeometry& g) {
  if (!(seconds > 0.0) || !std::isfinite(seconds)) {
    throw_invalid("seconds: must be a positive duration, got " + seconds_text(seconds));
  }
  if (g.sample_rate <= 0 || g.downsampling_ratio <= 0 || g.latent_align <= 0 || g.max_samples <= 0) {
    throw_internal("layout_for_duration: render geometry must be positive");
  }
  const int64_t requested = static_cast<int64_t>(seconds * static_cast<double>(g.sample_rate));
  const double max_seconds = static_cast<double>(g.max_samples) / static_cast<double>(g.sample_rate);
  if (requested > g.max_samples) {
    throw_invalid("seconds: " + seconds_text(seconds) + " s is longer than this model renders (at most " +
                  seconds_text(max_seconds) + " s)");
  }
  RenderLayout layout;
  int64_t canvas = static_cast<int64_t>((seconds + g.padding_seconds) * static_cast<double>(g.sample_rate));
  canvas = round_up(canvas, g.downsampling_ratio);
  canvas = round_up(canvas, g.downsampling_ratio * g.latent_align);
  canvas = std::min(canvas, g.max_samples);
  layout.latent_length = canvas / g.downsampling_ratio;
  layout.effective_length = (requested + g.downsampling_ratio - 1) / g.downsampling_ratio;
  const auto headroom = static_cast<int64_t>(g.padding_seconds * static_cast<double>(g.sample_rate) /
                                             static_cast<double>(g.downsampling_ratio));
  layout.valid_length = std::min(layout.effective_length + headroom, layout.latent_length);
  layout.output_samples = requested;
  return layout;
}

}  // namespace sa3
