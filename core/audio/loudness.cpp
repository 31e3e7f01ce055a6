// SPDX-License-Identifier: GPL-3.0-or-later
// LoudnessMeter over libebur128, and the facade's integrated_loudness().
#include "loudness.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "sa3/audio.h"
#include "sa3/error.h"

namespace sa3::audio {

struct LoudnessMeter::State {
  ebur128_state* st = nullptr;
  ~State() {
    if (st) ebur128_destroy(&st);
  }
};

LoudnessMeter::LoudnessMeter(int channels, int sample_rate) : state_(std::make_unique<State>()) {
  state_->st = ebur128_init(static_cast<unsigned>(channels), static_cast<unsigned long>(sample_rate), EBUR128_MODE_I);
  // libebur128 takes 1-64 channels at 16 Hz-2.8 MHz: outside that the file is at fault.
  if (!state_->st)
    throw_invalid("cannot measure loudness of " + std::to_string(channels) + " channels at " +
                  std::to_string(sample_rate) + " Hz");
}

LoudnessMeter::~LoudnessMeter() = default;

void LoudnessMeter::add(const float* interleaved, int64_t frames) {
  if (frames > 0 && ebur128_add_frames_float(state_->st, interleaved, size_t(frames)) != EBUR128_SUCCESS)
    throw_environment("libebur128: cannot add frames");
}

double LoudnessMeter::integrated() const {
  double lufs = -HUGE_VAL;
  if (ebur128_loudness_global(state_->st, &lufs) != EBUR128_SUCCESS || !std::isfinite(lufs)) return -120.0;
  return std::max(-120.0, lufs);
}

}  // namespace sa3::audio

namespace sa3 {

Result<double> integrated_loudness(const AudioBuffer& audio) {
  return capture([&] {
    if (audio.channels <= 0 || audio.sample_rate <= 0) throw_invalid("loudness: empty audio buffer");
    audio::LoudnessMeter meter(audio.channels, audio.sample_rate);
    meter.add(audio.samples.data(), audio.frames());
    return meter.integrated();
  });
}

}  // namespace sa3
