// SPDX-License-Identifier: GPL-3.0-or-later
// LossOverlayChart: the loss curves of several runs on one chart (QtCharts): each run's raw
// points as a faint line and its exponential moving average as a solid line of the same colour,
// on a linear or logarithmic loss axis.
// Threading: GUI thread only; the points are read elsewhere and handed in.
#pragma once

#include <QChartView>
#include <QString>
#include <utility>
#include <vector>

#include "sa3/runs.h"

class QAbstractAxis;
class QChart;
class QValueAxis;

namespace sa3::ui {

class LossOverlayChart : public QChartView {
  Q_OBJECT
 public:
  struct Curve {
    QString name;
    std::vector<sa3::LossPoint> points;
  };
  // Weight of the previous average in the EMA (TensorBoard's "smoothing").
  static constexpr double kSmoothing = 0.9;

  explicit LossOverlayChart(QWidget* parent = nullptr);

  void setCurves(const std::vector<Curve>& curves);
  void setLogScale(bool on);
  bool logScale() const { return m_logScale; }
  static std::vector<sa3::LossPoint> movingAverage(const std::vector<sa3::LossPoint>& points);
  // Replaces `chart`'s axes with a step axis (bottom) and a linear or log loss axis (left),
  // the same on every loss chart of the studio; series still need attaching.
  static std::pair<QValueAxis*, QAbstractAxis*> replaceAxes(QChart* chart, bool logScale);

 private:
  void rebuild();

  std::vector<Curve> m_curves;
  bool m_logScale = false;
};

}  // namespace sa3::ui
