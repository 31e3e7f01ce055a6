// SPDX-License-Identifier: GPL-3.0-or-later
// prepareComparison: loudness match, playback files, peaks and spectrograms of two renders.
#include "ui/audition/comparison_pair.h"

#include <QDir>

#include "ui/audition/audition_settings.h"
#include "ui/audition/loudness_match.h"

namespace sa3::ui {
namespace {

constexpr size_t kPeakBins = 1200;

sa3::Status finishSide(ComparisonSide& side, const QString& file) {
  side.peaks = sa3::waveform_peaks(side.audio, kPeakBins);
  auto spectrogram = sa3::spectrogram(side.audio, {});
  if (!spectrogram) return spectrogram.error();
  side.spectrogram = std::move(*spectrogram);
  side.playbackFile = file;
  return sa3::write_audio(toFsPath(file), withGain(side.audio, side.gain));
}

}  // namespace

sa3::Result<ComparisonPair> prepareComparison(ComparisonSide a, ComparisonSide b, const QString& playbackDir,
                                              int serial) {
  const auto match = matchLoudness(a.audio, b.audio);
  if (!match) return match.error();
  a.loudness = match->loudnessA;
  a.gain = match->gainA;
  b.loudness = match->loudnessB;
  b.gain = match->gainB;
  const QDir dir(playbackDir);
  if (auto s = finishSide(a, dir.filePath(QStringLiteral("%1-a.wav").arg(serial))); !s) return s.error();
  if (auto s = finishSide(b, dir.filePath(QStringLiteral("%1-b.wav").arg(serial))); !s) return s.error();
  ComparisonPair pair;
  pair.sides = {std::move(a), std::move(b)};
  pair.loudnessMatched = match->matched;
  return pair;
}

}  // namespace sa3::ui
