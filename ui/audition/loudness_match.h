// SPDX-License-Identifier: GPL-3.0-or-later
// Loudness matching for A/B listening: the louder of two renders is turned down to the other's
// integrated loudness (EBU R128), so a comparison judges timbre, not level. Attenuating only
// (never boosting) keeps the matched audio free of new clipping.
// Threading: plain functions over values; call them off the GUI thread (loudness scans audio).
#pragma once

#include "sa3/audio.h"
#include "sa3/error.h"

namespace sa3::ui {

struct LoudnessMatch {
  double loudnessA = 0;  // LUFS, before matching; -120 for silence
  double loudnessB = 0;
  double gainA = 0;      // dB applied to A for playback (<= 0)
  double gainB = 0;
  bool matched = false;  // false when either side is silent: nothing to match against
};

// Renders quieter than this have no measurable loudness (sa3::integrated_loudness's floor).
inline constexpr double kSilenceLufs = -70.0;

sa3::Result<LoudnessMatch> matchLoudness(const sa3::AudioBuffer& a, const sa3::AudioBuffer& b);
sa3::AudioBuffer withGain(sa3::AudioBuffer audio, double gainDb);

}  // namespace sa3::ui
