// SPDX-License-Identifier: GPL-3.0-or-later
// DisplayFormat: how the dataset page writes durations, rates, channel counts and loudness.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace sa3::ui {

class DisplayFormat {
  Q_DECLARE_TR_FUNCTIONS(DisplayFormat)
 public:
  static QString duration(double seconds);  // "0:07.3", "12:04", "1:02:03"
  static QString sampleRate(int hz);        // "44.1 kHz"
  static QString channels(int channels);    // "mono", "stereo", "6 ch"
  static QString loudness(double lufs);     // "-14.2 LUFS", "silent"
};

}  // namespace sa3::ui
