// SPDX-License-Identifier: GPL-3.0-or-later
// LoudnessMeter: EBU R128 integrated loudness (libebur128), fed block by block while decoding.
// Ownership: owns its ebur128 state. Threading: one object per thread.
// Errors: throws sa3::Error (InvalidInput) for a channel count or rate libebur128 cannot measure.
#pragma once

#include <cstdint>
#include <memory>

namespace sa3::audio {

class LoudnessMeter {
 public:
  LoudnessMeter(int channels, int sample_rate);
  ~LoudnessMeter();
  LoudnessMeter(const LoudnessMeter&) = delete;
  LoudnessMeter& operator=(const LoudnessMeter&) = delete;

  void add(const float* interleaved, int64_t frames);
  // LUFS; -120 when the audio is silent or shorter than one 400 ms gating block.
  double integrated() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sa3::audio
