// SPDX-License-Identifier: GPL-3.0-or-later
// WaveformView: painting and seeking.
#include "ui/dataset/waveform_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace sa3::ui {

WaveformView::WaveformView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  setCursor(Qt::PointingHandCursor);
  setAccessibleName(tr("Waveform"));
}

void WaveformView::setPeaks(std::vector<float> minima, std::vector<float> maxima) {
  m_min = std::move(minima);
  m_max = std::move(maxima);
  m_note.clear();
  update();
}

void WaveformView::setNote(const QString& note) {
  m_min.clear();
  m_max.clear();
  m_note = note;
  update();
}

void WaveformView::setPlayhead(double fraction) {
  m_playhead = fraction;
  update();
}

double WaveformView::fractionAt(int x) const {
  return width() > 1 ? std::clamp(double(x) / double(width() - 1), 0.0, 1.0) : 0.0;
}

void WaveformView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && !m_min.empty()) emit seekRequested(fractionAt(event->position().toPoint().x()));
}

void WaveformView::mouseMoveEvent(QMouseEvent* event) {
  if ((event->buttons() & Qt::LeftButton) && !m_min.empty())
    emit seekRequested(fractionAt(event->position().toPoint().x()));
}

void WaveformView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QPalette pal = palette();
  p.fillRect(rect(), pal.base());
  const int w = width(), h = height();
  const double mid = h / 2.0;
  if (m_min.empty() && !m_note.isEmpty()) {
    p.setPen(pal.placeholderText().color());
    p.drawText(rect().adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap, m_note);
    return;
  }
  // The zero line; a note takes its place, so it never strikes through the text.
  p.setPen(QPen(pal.mid().color(), 1));
  p.drawLine(QPointF(0, mid), QPointF(w, mid));
  if (m_min.empty()) return;
  // One vertical line per pixel column spanning the min/max of the bins under it, so the
  // thumbnail scales to any width without losing transients.
  const size_t bins = std::min(m_min.size(), m_max.size());
  const QColor rest = QColor(0x2f, 0x6f, 0xc4);
  const QColor played = rest.lighter(150);
  const double half = mid - 2;
  for (int x = 0; x < w; ++x) {
    const size_t from = size_t(double(x) / w * bins);
    const size_t to = std::max(from + 1, size_t(double(x + 1) / w * bins));
    float lo = 1, hi = -1;
    for (size_t b = from; b < std::min(to, bins); ++b) {
      lo = std::min(lo, m_min[b]);
      hi = std::max(hi, m_max[b]);
    }
    if (hi < lo) continue;
    p.setPen(m_playhead >= 0 && double(x) / w <= m_playhead ? played : rest);
    p.drawLine(QPointF(x + 0.5, mid - hi * half), QPointF(x + 0.5, mid - lo * half));
  }
  if (m_playhead >= 0) {
    const double x = m_playhead * (w - 1);
    p.setPen(QPen(pal.highlight().color().darker(130), 2));
    p.drawLine(QPointF(x, 0), QPointF(x, h));
  }
}

}  // namespace sa3::ui
