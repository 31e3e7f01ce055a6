// SPDX-License-Identifier: GPL-3.0-or-later
// LiveLossChart: the loss of the run being trained, growing as steps arrive (QtCharts): every
// step's loss as faint points and line, their exponential moving average (the Runs page's
// smoothing) as a solid line, on a linear or logarithmic axis. Drag a rectangle to zoom;
// resetZoom() (or a right click) shows the whole run again, and new steps keep the axes
// following the run only while the user has not zoomed.
// A resumed run rewinds to the step it resumed from (rewindTo): steps a crashed session trained
// past its last checkpoint are redone, so the series never goes backwards.
// Threading: GUI thread only. Appends are cheap; the series are synced at most every 200 ms,
// thinned to the plot's width (decimateSeries), so a 20,000-step run draws as fast as a short one.
#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QTimer>

class QLineSeries;

namespace sa3::ui {

class LiveLossChart : public QChartView {
  Q_OBJECT
 public:
  explicit LiveLossChart(QWidget* parent = nullptr);

  void clear();
  void append(qint64 step, double loss);
  // Drops the points after `step` (a resume continues from its checkpoint's step).
  void rewindTo(qint64 step);
  // Shown instead of the curve while there is none ("No loss reported", "Waiting for the first step").
  void setPlaceholder(const QString& text);

  void setLogScale(bool on);
  bool logScale() const { return m_logScale; }
  void resetZoom();
  bool zoomed() const { return m_zoomed; }

  const QList<QPointF>& points() const { return m_raw; }
  const QList<QPointF>& smoothed() const { return m_smooth; }
  // Applies pending points to the series now (tests and the bench call it; the timer does otherwise).
  void sync();

 signals:
  void zoomChanged(bool zoomed);

 protected:
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  void scheduleSync();
  void rebuildAxes();
  void fitAxes();
  void recomputeSmoothed();

  QLineSeries* m_rawSeries;
  QLineSeries* m_smoothSeries;
  QList<QPointF> m_raw;
  QList<QPointF> m_smooth;
  double m_ema = 0, m_emaWeight = 0;
  QString m_placeholder;
  QTimer m_syncTimer;
  bool m_logScale = false;
  bool m_zoomed = false;
};

}  // namespace sa3::ui
