// SPDX-License-Identifier: GPL-3.0-or-later
// LossOverlayChart: overlaid raw and smoothed loss curves of the selected runs.
#include "ui/runs/loss_overlay_chart.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

namespace sa3::ui {
namespace {

// Distinct hues that stay readable on light and dark backgrounds.
const QColor kColours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                           QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                           QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};

}  // namespace

LossOverlayChart::LossOverlayChart(QWidget* parent) : QChartView(new QChart, parent) {
  setRenderHint(QPainter::Antialiasing);
  setRubberBand(QChartView::RectangleRubberBand);  // drag to zoom; the page resets on new curves
  chart()->legend()->setAlignment(Qt::AlignBottom);
  chart()->setMargins(QMargins(4, 4, 4, 4));
  setMinimumHeight(220);
  rebuild();
}

std::vector<sa3::LossPoint> LossOverlayChart::movingAverage(const std::vector<sa3::LossPoint>& points) {
  std::vector<sa3::LossPoint> out;
  out.reserve(points.size());
  double ema = 0, weight = 0;
  for (const sa3::LossPoint& p : points) {
    if (!std::isfinite(p.loss)) continue;
    // Bias-corrected like TensorBoard, so the first points are not pulled towards zero.
    ema = kSmoothing * ema + (1 - kSmoothing) * p.loss;
    weight = kSmoothing * weight + (1 - kSmoothing);
    out.push_back({p.step, ema / weight});
  }
  return out;
}

void LossOverlayChart::setCurves(const std::vector<Curve>& curves) {
  m_curves = curves;
  rebuild();
}

void LossOverlayChart::setLogScale(bool on) {
  if (m_logScale == on) return;
  m_logScale = on;
  rebuild();
}

std::pair<QValueAxis*, QAbstractAxis*> LossOverlayChart::replaceAxes(QChart* chart, bool logScale) {
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
  auto* x = new QValueAxis;
  x->setTitleText(tr("Step"));
  x->setLabelFormat(QStringLiteral("%d"));
  x->setTickCount(6);
  QAbstractAxis* y = nullptr;
  if (logScale) {
    auto* log = new QLogValueAxis;
    log->setLabelFormat(QStringLiteral("%.3g"));
    log->setMinorTickCount(8);
    y = log;
  } else {
    auto* linear = new QValueAxis;
    linear->setLabelFormat(QStringLiteral("%.3f"));
    y = linear;
  }
  y->setTitleText(logScale ? tr("Loss (log)") : tr("Loss"));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  return {x, y};
}

void LossOverlayChart::rebuild() {
  QChart* c = chart();
  c->removeAllSeries();
  const auto [x, y] = replaceAxes(c, m_logScale);

  double minStep = std::numeric_limits<double>::max(), maxStep = 0;
  double minLoss = std::numeric_limits<double>::max(), maxLoss = 0;
  int colour = 0;
  for (const Curve& curve : m_curves) {
    const QColor base = kColours[static_cast<std::size_t>(colour++) % std::size(kColours)];
    auto* raw = new QLineSeries;
    QColor faint = base;
    faint.setAlphaF(0.3);
    raw->setPen(QPen(faint, 1));
    for (const sa3::LossPoint& p : curve.points) {
      // A log axis cannot show zero or negative losses; leave them out rather than break the axis.
      if (!std::isfinite(p.loss) || (m_logScale && p.loss <= 0)) continue;
      raw->append(static_cast<double>(p.step), p.loss);
      minStep = std::min(minStep, static_cast<double>(p.step));
      maxStep = std::max(maxStep, static_cast<double>(p.step));
      minLoss = std::min(minLoss, p.loss);
      maxLoss = std::max(maxLoss, p.loss);
    }
    auto* smooth = new QLineSeries;
    smooth->setName(curve.name);
    smooth->setPen(QPen(base, 2));
    for (const sa3::LossPoint& p : movingAverage(curve.points))
      if (!m_logScale || p.loss > 0) smooth->append(static_cast<double>(p.step), p.loss);
    for (QLineSeries* s : {raw, smooth}) {
      c->addSeries(s);
      s->attachAxis(x);
      s->attachAxis(y);
    }
    for (QLegendMarker* marker : c->legend()->markers(raw)) marker->setVisible(false);
  }
  if (maxLoss <= 0) {
    x->setRange(0, 1000);
    y->setRange(m_logScale ? 0.01 : 0, 1);
    c->setTitle(m_curves.empty() ? tr("Select runs to compare their loss curves") : tr("No loss points yet"));
    return;
  }
  c->setTitle({});
  x->setRange(minStep, std::max(maxStep, minStep + 1));
  const double pad = m_logScale ? 0 : (maxLoss - minLoss) * 0.05;
  y->setRange(m_logScale ? minLoss * 0.9 : std::max(0.0, minLoss - pad), m_logScale ? maxLoss * 1.1 : maxLoss + pad);
  // Round tick values (0.2, 0.4, ...) read better than the data's extremes.
  x->applyNiceNumbers();
  if (auto* linear = qobject_cast<QValueAxis*>(y)) linear->applyNiceNumbers();
}

}  // namespace sa3::ui
