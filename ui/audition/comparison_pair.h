// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonPair: two renders made ready for A/B listening: loudness-matched playback files,
// waveform peaks and spectrograms. Built by prepareComparison on a worker thread; the page
// only displays the result.
#pragma once

#include <QString>
#include <array>

#include "sa3/audio.h"
#include "sa3/error.h"

namespace sa3::ui {

struct ComparisonSide {
  QString role;            // what it is: "Base", "LoRA", "Step 0", "Step 250"
  sa3::AudioBuffer audio;  // as rendered: saving and export use these samples unchanged
  QString playbackFile;    // the loudness-matched copy the player plays
  double loudness = 0;     // LUFS before matching
  double gain = 0;         // dB applied for playback
  sa3::WaveformPeaks peaks;
  sa3::Spectrogram spectrogram;
};

struct ComparisonPair {
  std::array<ComparisonSide, 2> sides;  // [0] plays as A, [1] as B (before blind shuffling)
  bool loudnessMatched = false;
};

// Fills everything but `role` and `audio` of both sides; writes the playback files into
// `playbackDir` under names made unique by `serial`. Off the GUI thread only.
sa3::Result<ComparisonPair> prepareComparison(ComparisonSide a, ComparisonSide b, const QString& playbackDir,
                                              int serial);

}  // namespace sa3::ui
