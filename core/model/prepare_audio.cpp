// SPDX-License-Identifier: GPL-3.0-or-later
// prepare_audio: channel mapping, then soxr resampling, into a [channels, frames] tensor.
#include "model/prepare_audio.h"

#include <ATen/ops/empty.h>

#include <cmath>
#include <string>

namespace sa3 {
namespace {

// Maps interleaved input channels onto `out` channels (see the header for the rules).
AudioBuffer map_channels(const AudioBuffer& in, int out) {
  if (in.channels == out) return in;
  AudioBuffer mapped;
  mapped.sample_rate = in.sample_rate;
  mapped.channels = out;
  const int64_t frames = in.frames();
  mapped.samples.resize(size_t(frames) * size_t(out));
  const float extra_gain = float(1.0 / std::sqrt(2.0));
  const int extra = in.channels > out ? in.channels - out : 0;
  const float norm = 1.0f / (1.0f + extra_gain * float(extra));
  for (int64_t f = 0; f < frames; ++f) {
    const float* src = in.samples.data() + f * in.channels;
    float* dst = mapped.samples.data() + f * out;
    float folded = 0;
    for (int c = out; c < in.channels; ++c) folded += src[c];
    for (int c = 0; c < out; ++c) {
      dst[c] = in.channels == 1 ? src[0] : c < in.channels ? (src[c] + extra_gain * folded) * norm : 0.0f;
    }
  }
  return mapped;
}

}  // namespace

at::Tensor prepare_audio(const AudioBuffer& audio, int sample_rate, int channels) {
  if (audio.channels <= 0 || audio.sample_rate <= 0 || audio.samples.empty()) {
    throw_invalid("prepare_audio: empty audio (" + std::to_string(audio.channels) + " channels at " +
                  std::to_string(audio.sample_rate) + " Hz)");
  }
  if (sample_rate <= 0 || channels <= 0) throw_invalid("prepare_audio: target rate and channels must be positive");
  Result<AudioBuffer> resampled = resample(map_channels(audio, channels), sample_rate);
  if (!resampled) throw Error(resampled.error().kind, "prepare_audio: " + resampled.error().message);
  const AudioBuffer& out = *resampled;
  const int64_t frames = out.frames();
  at::Tensor planar = at::empty({channels, frames}, at::kFloat);
  float* dst = planar.data_ptr<float>();
  for (int64_t f = 0; f < frames; ++f) {
    for (int c = 0; c < channels; ++c) dst[c * frames + f] = out.samples[size_t(f * channels + c)];
  }
  return planar;
}

}  // namespace sa3
