// SPDX-License-Identifier: GPL-3.0-or-later
// SpectrogramView: paints a render's magnitude spectrogram (sa3::spectrogram) as an image, low
// frequencies at the bottom, with the shared playhead.
#pragma once

#include <QImage>
#include <QWidget>

#include "sa3/audio.h"

namespace sa3::ui {

class SpectrogramView : public QWidget {
  Q_OBJECT
 public:
  explicit SpectrogramView(QWidget* parent = nullptr);

  // Converts the dB matrix into an image once; painting then only scales it.
  void setSpectrogram(const sa3::Spectrogram& spectrogram);
  void clear();
  bool isEmpty() const { return m_image.isNull(); }
  // Playhead as a fraction of the render, or negative to hide it.
  void setPlayhead(double fraction);

  QSize sizeHint() const override { return {480, 120}; }
  QSize minimumSizeHint() const override { return {160, 64}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QImage m_image;
  double m_playhead = -1;
};

}  // namespace sa3::ui
