// SPDX-License-Identifier: GPL-3.0-or-later
// LiveLossChart: incremental raw + EMA series with follow-the-run axes and rubber-band zoom.
#include "ui/training/live_loss_chart.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/runs/loss_overlay_chart.h"
#include "ui/training/series_decimation.h"

namespace sa3::ui {
namespace {

constexpr int kSyncIntervalMs = 200;
// Drawn points per series are bounded by the plot's width (two per bucket), see series_decimation.h.
constexpr int kPixelsPerBucket = 2;
// Markers on every drawn point help while a run has few steps; beyond this they only add clutter.
constexpr qsizetype kMaxMarkedPoints = 200;
const QColor kLossColour(0x1f, 0x77, 0xb4);

// The round step (1, 2 or 5 × 10^k) that splits `span` into at most `ticks` intervals.
double niceStep(double span, int ticks) {
  const double raw = std::max(span / ticks, 1.0);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0})
    if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

}  // namespace

LiveLossChart::LiveLossChart(QWidget* parent)
    : QChartView(new QChart, parent), m_rawSeries(new QLineSeries), m_smoothSeries(new QLineSeries) {
  setRenderHint(QPainter::Antialiasing);
  setRubberBand(QChartView::RectangleRubberBand);
  setToolTip(tr("Drag a rectangle to zoom; right-click or Reset Zoom shows the whole run."));
  setMinimumHeight(240);
  QColor faint = kLossColour;
  faint.setAlphaF(0.35);
  m_rawSeries->setName(tr("Loss (every step)"));
  m_rawSeries->setPen(QPen(faint, 1));
  m_rawSeries->setColor(faint);
  m_rawSeries->setMarkerSize(5);
  m_smoothSeries->setName(tr("Moving average"));
  m_smoothSeries->setPen(QPen(kLossColour, 2.5));
  QChart* c = chart();
  c->addSeries(m_rawSeries);
  c->addSeries(m_smoothSeries);
  c->legend()->setAlignment(Qt::AlignBottom);
  c->setMargins(QMargins(4, 4, 4, 4));
  m_syncTimer.setSingleShot(true);
  m_syncTimer.setInterval(kSyncIntervalMs);
  connect(&m_syncTimer, &QTimer::timeout, this, &LiveLossChart::sync);
  rebuildAxes();
  sync();
}

void LiveLossChart::clear() {
  m_raw.clear();
  m_smooth.clear();
  m_ema = m_emaWeight = 0;
  resetZoom();
}

void LiveLossChart::append(qint64 step, double loss) {
  if (!std::isfinite(loss)) return;
  // A step at or before the last point belongs to a rewind the trainer did not announce; keep
  // the series rising rather than draw a line backwards.
  if (!m_raw.isEmpty() && step <= static_cast<qint64>(m_raw.constLast().x())) rewindTo(step - 1);
  m_raw.append(QPointF(static_cast<double>(step), loss));
  // Bias-corrected like the Runs page's curves, so the first points are not pulled towards zero.
  m_ema = LossOverlayChart::kSmoothing * m_ema + (1 - LossOverlayChart::kSmoothing) * loss;
  m_emaWeight = LossOverlayChart::kSmoothing * m_emaWeight + (1 - LossOverlayChart::kSmoothing);
  m_smooth.append(QPointF(static_cast<double>(step), m_ema / m_emaWeight));
  scheduleSync();
}

void LiveLossChart::rewindTo(qint64 step) {
  const auto firstAfter = std::find_if(m_raw.cbegin(), m_raw.cend(),
                                       [step](const QPointF& p) { return p.x() > static_cast<double>(step); });
  if (firstAfter == m_raw.cend()) return;
  m_raw.erase(firstAfter, m_raw.cend());
  recomputeSmoothed();
  scheduleSync();
}

void LiveLossChart::recomputeSmoothed() {
  m_smooth.clear();
  m_ema = m_emaWeight = 0;
  for (const QPointF& p : m_raw) {
    m_ema = LossOverlayChart::kSmoothing * m_ema + (1 - LossOverlayChart::kSmoothing) * p.y();
    m_emaWeight = LossOverlayChart::kSmoothing * m_emaWeight + (1 - LossOverlayChart::kSmoothing);
    m_smooth.append(QPointF(p.x(), m_ema / m_emaWeight));
  }
}

void LiveLossChart::setPlaceholder(const QString& text) {
  if (m_placeholder == text) return;
  m_placeholder = text;
  scheduleSync();
}

void LiveLossChart::setLogScale(bool on) {
  if (m_logScale == on) return;
  m_logScale = on;
  rebuildAxes();
  resetZoom();
}

void LiveLossChart::resetZoom() {
  chart()->zoomReset();
  const bool was = m_zoomed;
  m_zoomed = false;
  sync();
  if (was) emit zoomChanged(false);
}

void LiveLossChart::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::RightButton) {
    // QChartView would zoom out one step; showing the whole run is what a reader wants back.
    resetZoom();
    event->accept();
    return;
  }
  QChartView::mouseReleaseEvent(event);
  if (event->button() == Qt::LeftButton && chart()->isZoomed()) {
    const bool was = m_zoomed;
    m_zoomed = true;
    // Thinned for the whole run, the zoomed range deserves its own detail.
    sync();
    if (!was) emit zoomChanged(true);
  }
}

void LiveLossChart::scheduleSync() {
  if (!m_syncTimer.isActive()) m_syncTimer.start();
}

void LiveLossChart::sync() {
  m_syncTimer.stop();
  // A log axis cannot show zero or negative losses; leave them out rather than break the axis.
  auto drawable = [this](const QList<QPointF>& points) {
    if (!m_logScale) return points;
    QList<QPointF> out;
    out.reserve(points.size());
    std::copy_if(points.cbegin(), points.cend(), std::back_inserter(out), [](const QPointF& p) { return p.y() > 0; });
    return out;
  };
  double x0 = m_raw.isEmpty() ? 0 : m_raw.constFirst().x(), x1 = m_raw.isEmpty() ? 0 : m_raw.constLast().x();
  if (m_zoomed)
    if (auto* x = qobject_cast<QValueAxis*>(chart()->axes(Qt::Horizontal).value(0))) {
      x0 = x->min();
      x1 = x->max();
    }
  const int buckets = std::max(100, static_cast<int>(chart()->plotArea().width()) / kPixelsPerBucket);
  m_rawSeries->replace(decimateSeries(drawable(m_raw), x0, x1, buckets));
  m_smoothSeries->replace(decimateSeries(drawable(m_smooth), x0, x1, buckets));
  m_rawSeries->setPointsVisible(m_rawSeries->count() <= kMaxMarkedPoints);
  chart()->setTitle(m_raw.isEmpty() ? m_placeholder : QString());
  if (!m_zoomed) fitAxes();
}

void LiveLossChart::rebuildAxes() {
  const auto [x, y] = LossOverlayChart::replaceAxes(chart(), m_logScale);
  for (QLineSeries* s : {m_rawSeries, m_smoothSeries}) {
    s->attachAxis(x);
    s->attachAxis(y);
  }
}

void LiveLossChart::fitAxes() {
  QChart* c = chart();
  const QList<QAbstractAxis*> xs = c->axes(Qt::Horizontal);
  const QList<QAbstractAxis*> ys = c->axes(Qt::Vertical);
  if (xs.isEmpty() || ys.isEmpty()) return;
  auto* x = static_cast<QValueAxis*>(xs.constFirst());
  double minStep = std::numeric_limits<double>::max(), maxStep = 0;
  double minLoss = std::numeric_limits<double>::max(), maxLoss = 0;
  for (const QPointF& p : m_raw) {
    if (m_logScale && p.y() <= 0) continue;
    minStep = std::min(minStep, p.x());
    maxStep = std::max(maxStep, p.x());
    minLoss = std::min(minLoss, p.y());
    maxLoss = std::max(maxLoss, p.y());
  }
  if (maxLoss <= 0) {
    x->setRange(0, 10);
    ys.constFirst()->setRange(m_logScale ? 0.01 : 0, 1);
    return;
  }
  // Round step labels without QValueAxis::applyNiceNumbers(), which may double the range and
  // leave half the plot empty while a run is young.
  const double step = niceStep(maxStep - std::min(minStep, maxStep - 1), 6);
  const double low = std::floor(std::min(minStep, maxStep - 1) / step) * step;
  const double high = std::ceil(maxStep / step) * step;
  x->setRange(low, high);
  x->setTickCount(static_cast<int>(std::lround((high - low) / step)) + 1);
  if (auto* linear = qobject_cast<QValueAxis*>(ys.constFirst())) {
    const double pad = std::max((maxLoss - minLoss) * 0.05, maxLoss * 0.01);
    linear->setRange(std::max(0.0, minLoss - pad), maxLoss + pad);
    linear->applyNiceNumbers();
  } else {
    ys.constFirst()->setRange(minLoss * 0.9, maxLoss * 1.1);
  }
}

}  // namespace sa3::ui
