// SPDX-License-Identifier: GPL-3.0-or-later
// Loudness matching of two renders through sa3::integrated_loudness.
#include "ui/audition/loudness_match.h"

#include <algorithm>
#include <cmath>

namespace sa3::ui {

sa3::Result<LoudnessMatch> matchLoudness(const sa3::AudioBuffer& a, const sa3::AudioBuffer& b) {
  const auto la = sa3::integrated_loudness(a);
  if (!la) return la.error();
  const auto lb = sa3::integrated_loudness(b);
  if (!lb) return lb.error();
  LoudnessMatch m;
  m.loudnessA = *la;
  m.loudnessB = *lb;
  if (m.loudnessA < kSilenceLufs || m.loudnessB < kSilenceLufs) return m;
  const double target = std::min(m.loudnessA, m.loudnessB);
  m.gainA = target - m.loudnessA;
  m.gainB = target - m.loudnessB;
  m.matched = true;
  return m;
}

sa3::AudioBuffer withGain(sa3::AudioBuffer audio, double gainDb) {
  const float factor = static_cast<float>(std::pow(10.0, gainDb / 20.0));
  for (float& s : audio.samples) s *= factor;
  return audio;
}

}  // namespace sa3::ui
