// SPDX-License-Identifier: GPL-3.0-or-later
// DisplayFormat: formatting helpers for the dataset page.
#include "ui/dataset/display_format.h"

#include <QLocale>
#include <cmath>

namespace sa3::ui {

QString DisplayFormat::duration(double seconds) {
  if (!(seconds >= 0)) return QStringLiteral("—");
  // Short clips need tenths to tell 0:00.8 (too short) from 0:01.2.
  if (seconds < 59.95) return QStringLiteral("0:%1").arg(seconds, 4, 'f', 1, QLatin1Char('0'));
  const auto total = static_cast<long long>(std::llround(seconds));
  const long long h = total / 3600, m = (total / 60) % 60, s = total % 60;
  if (h > 0)
    return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
  return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString DisplayFormat::sampleRate(int hz) {
  if (hz <= 0) return QStringLiteral("—");
  return tr("%1 kHz").arg(QLocale().toString(hz / 1000.0, 'g', 4));
}

QString DisplayFormat::channels(int channels) {
  switch (channels) {
    case 0:
      return QStringLiteral("—");
    case 1:
      return tr("mono");
    case 2:
      return tr("stereo");
    default:
      return tr("%1 ch").arg(channels);
  }
}

QString DisplayFormat::loudness(double lufs) {
  if (lufs <= -119.5) return tr("silent");
  return tr("%1 LUFS").arg(QLocale().toString(lufs, 'f', 1));
}

}  // namespace sa3::ui
