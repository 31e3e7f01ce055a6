// SPDX-License-Identifier: GPL-3.0-or-later
// WaveformBuilder: min/max thumbnails accumulated while decoding, when the exact length may
// only be known at the end (MP3 headers estimate it). Fine blocks are reduced to bins at finish;
// at most 16 blocks per bin are kept, whatever the real length, so memory stays bounded.
// Threading: one object per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sa3/audio.h"

namespace sa3::audio {

class WaveformBuilder {
 public:
  // `frames_hint` sizes the fine blocks; the result is correct whatever the real length.
  WaveformBuilder(int channels, int64_t frames_hint, size_t bins);
  void add(const float* interleaved, int64_t frames);
  WaveformPeaks finish() const;

 private:
  void coarsen();

  int channels_;
  size_t bins_;
  int64_t block_frames_;
  int64_t in_block_ = 0;
  std::vector<float> min_;
  std::vector<float> max_;
};

}  // namespace sa3::audio
