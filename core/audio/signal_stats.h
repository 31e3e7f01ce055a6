// SPDX-License-Identifier: GPL-3.0-or-later
// SignalStats: peak, RMS, clipping and leading/trailing silence, accumulated block by block so
// QC computes them in the same pass as decoding. Threading: one object per thread.
#pragma once

#include <cstdint>

namespace sa3::audio {

struct SignalSummary {
  int64_t frames = 0;
  double peak = 0;
  double peak_dbfs = -120;
  double rms_dbfs = -120;
  int64_t clipped_samples = 0;
  double leading_silence_s = 0;
  double trailing_silence_s = 0;
};

class SignalStats {
 public:
  // `clip_threshold` and `silence_threshold` are linear amplitudes.
  SignalStats(int channels, double clip_threshold, double silence_threshold);
  void add(const float* interleaved, int64_t frames);
  SignalSummary finish(int sample_rate) const;

 private:
  int channels_;
  float clip_threshold_;
  float silence_threshold_;
  int64_t frames_ = 0;
  float peak_ = 0;
  double sum_squares_ = 0;
  int64_t clipped_ = 0;
  int64_t first_sound_ = -1;  // first frame with a sample above the silence threshold
  int64_t last_sound_ = -1;
};

// 20·log10(x) floored at -120 dB (so silence stays finite in JSON and tables).
double to_dbfs(double linear);

}  // namespace sa3::audio
