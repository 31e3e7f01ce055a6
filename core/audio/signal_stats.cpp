// SPDX-License-Identifier: GPL-3.0-or-later
// SignalStats: one-pass level, clipping and silence measurements.
#include "signal_stats.h"

#include <algorithm>
#include <cmath>

namespace sa3::audio {

double to_dbfs(double linear) {
  return linear > 1e-6 ? std::max(-120.0, 20.0 * std::log10(linear)) : -120.0;
}

SignalStats::SignalStats(int channels, double clip_threshold, double silence_threshold)
    : channels_(channels),
      clip_threshold_(float(clip_threshold)),
      silence_threshold_(float(silence_threshold)) {}

void SignalStats::add(const float* interleaved, int64_t frames) {
  double block_squares = 0;  // summed per block so long files keep precision
  for (int64_t f = 0; f < frames; ++f) {
    float frame_peak = 0;
    for (int c = 0; c < channels_; ++c) {
      const float x = interleaved[f * channels_ + c];
      const float a = std::fabs(x);
      frame_peak = std::max(frame_peak, a);
      block_squares += double(x) * x;
      clipped_ += a >= clip_threshold_;
    }
    peak_ = std::max(peak_, frame_peak);
    if (frame_peak > silence_threshold_) {
      if (first_sound_ < 0) first_sound_ = frames_ + f;
      last_sound_ = frames_ + f;
    }
  }
  sum_squares_ += block_squares;
  frames_ += frames;
}

SignalSummary SignalStats::finish(int sample_rate) const {
  SignalSummary s;
  s.frames = frames_;
  s.peak = peak_;
  s.peak_dbfs = to_dbfs(peak_);
  const double samples = double(frames_) * channels_;
  s.rms_dbfs = samples > 0 ? to_dbfs(std::sqrt(sum_squares_ / samples)) : -120.0;
  s.clipped_samples = clipped_;
  const double rate = sample_rate > 0 ? sample_rate : 1;
  if (first_sound_ < 0) {
    s.leading_silence_s = s.trailing_silence_s = double(frames_) / rate;
  } else {
    s.leading_silence_s = double(first_sound_) / rate;
    s.trailing_silence_s = double(frames_ - 1 - last_sound_) / rate;
  }
  return s;
}

}  // namespace sa3::audio
