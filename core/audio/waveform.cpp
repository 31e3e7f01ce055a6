// SPDX-License-Identifier: GPL-3.0-or-later
// WaveformBuilder and the facade's waveform_peaks().
#include "waveform.h"

#include <algorithm>

namespace sa3::audio {

WaveformBuilder::WaveformBuilder(int channels, int64_t frames_hint, size_t bins)
    : channels_(channels),
      bins_(std::max<size_t>(bins, 1)),
      // About 8 fine blocks per bin, so the final grouping is even to within an eighth of a bin.
      block_frames_(std::max<int64_t>(1, frames_hint / int64_t(bins_ * 8))) {
  min_.reserve(bins_ * 16);
  max_.reserve(bins_ * 16);
}

void WaveformBuilder::add(const float* interleaved, int64_t frames) {
  int64_t f = 0;
  while (f < frames) {
    if (in_block_ == 0) {
      if (min_.size() == bins_ * 16) coarsen();
      min_.push_back(0);
      max_.push_back(0);
    }
    const int64_t take = std::min(frames - f, block_frames_ - in_block_);
    // A block's frames are contiguous samples, so min/max run over one flat range.
    const float* x = interleaved + f * channels_;
    const size_t n = size_t(take * channels_);
    float lo = min_.back();
    float hi = max_.back();
    for (size_t i = 0; i < n; ++i) {
      lo = x[i] < lo ? x[i] : lo;
      hi = x[i] > hi ? x[i] : hi;
    }
    min_.back() = lo;
    max_.back() = hi;
    f += take;
    in_block_ += take;
    if (in_block_ == block_frames_) in_block_ = 0;
  }
}

// The header's length was wrong (or absent): halve the resolution so memory stays bounded.
void WaveformBuilder::coarsen() {
  const size_t half = min_.size() / 2;
  for (size_t i = 0; i < half; ++i) {
    min_[i] = std::min(min_[2 * i], min_[2 * i + 1]);
    max_[i] = std::max(max_[2 * i], max_[2 * i + 1]);
  }
  min_.resize(half);
  max_.resize(half);
  block_frames_ *= 2;
}

WaveformPeaks WaveformBuilder::finish() const {
  const size_t blocks = min_.size();
  const size_t bins = std::min(bins_, blocks);
  WaveformPeaks peaks;
  peaks.min.assign(bins, 0);
  peaks.max.assign(bins, 0);
  for (size_t b = 0; b < bins; ++b) {
    const size_t from = b * blocks / bins;
    const size_t to = (b + 1) * blocks / bins;
    for (size_t i = from; i < to; ++i) {
      peaks.min[b] = std::min(peaks.min[b], min_[i]);
      peaks.max[b] = std::max(peaks.max[b], max_[i]);
    }
  }
  return peaks;
}

}  // namespace sa3::audio

namespace sa3 {

WaveformPeaks waveform_peaks(const AudioBuffer& audio, size_t bins) {
  if (audio.channels <= 0) return {};
  audio::WaveformBuilder builder(audio.channels, audio.frames(), bins);
  builder.add(audio.samples.data(), audio.frames());
  return builder.finish();
}

}  // namespace sa3
