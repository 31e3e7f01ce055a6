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
  const size_t n = size_t(frames) * size_t(channels_);
  // Independent lanes let the compiler vectorise the reductions; QC spends most of its
  // time in decode and loudness, so this loop must stay a small fraction of it.
  constexpr size_t kLanes = 8;
  float lane_peak[kLanes] = {};
  float lane_squares[kLanes] = {};
  int64_t clipped = 0;
  size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    for (size_t k = 0; k < kLanes; ++k) {
      const float x = interleaved[i + k];
      const float a = std::fabs(x);
      lane_peak[k] = a > lane_peak[k] ? a : lane_peak[k];
      lane_squares[k] += x * x;
      clipped += a >= clip_threshold_;
    }
  }
  double squares = 0;
  for (; i < n; ++i) {
    const float a = std::fabs(interleaved[i]);
    lane_peak[0] = std::max(lane_peak[0], a);
    squares += double(a) * a;
    clipped += a >= clip_threshold_;
  }
  for (size_t k = 0; k < kLanes; ++k) {
    peak_ = std::max(peak_, lane_peak[k]);
    squares += lane_squares[k];
  }
  sum_squares_ += squares;
  clipped_ += clipped;

  // Silence edges: the first loud sample overall, and the last one of this block.
  if (first_sound_ < 0) {
    for (size_t j = 0; j < n; ++j)
      if (std::fabs(interleaved[j]) > silence_threshold_) {
        first_sound_ = frames_ + int64_t(j / size_t(channels_));
        break;
      }
  }
  for (size_t j = n; j-- > 0;)
    if (std::fabs(interleaved[j]) > silence_threshold_) {
      last_sound_ = frames_ + int64_t(j / size_t(channels_));
      break;
    }
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
