// SPDX-License-Identifier: GPL-3.0-or-later
// WaveformView: paints a clip's min/max thumbnail (from core QC) with a playhead; a click or
// drag asks to seek there. Shows a short note instead while QC is pending or failed.
#pragma once

#include <QWidget>
#include <vector>

namespace sa3::ui {

class WaveformView : public QWidget {
  Q_OBJECT
 public:
  explicit WaveformView(QWidget* parent = nullptr);

  void setPeaks(std::vector<float> minima, std::vector<float> maxima);
  // Shown instead of a waveform (e.g. "Analysing…", a decode error); clears the peaks.
  void setNote(const QString& note);
  // Playhead as a fraction of the clip, or negative to hide it.
  void setPlayhead(double fraction);
  double playhead() const { return m_playhead; }
  bool hasPeaks() const { return !m_max.empty(); }

  QSize sizeHint() const override { return {480, 120}; }
  QSize minimumSizeHint() const override { return {160, 64}; }

 signals:
  void seekRequested(double fraction);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;

 private:
  double fractionAt(int x) const;

  std::vector<float> m_min;
  std::vector<float> m_max;
  QString m_note;
  double m_playhead = -1;
};

}  // namespace sa3::ui
