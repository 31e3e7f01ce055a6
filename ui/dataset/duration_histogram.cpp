// SPDX-License-Identifier: GPL-3.0-or-later
// DurationHistogram: painting.
#include "ui/dataset/duration_histogram.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace sa3::ui {

DurationHistogram::DurationHistogram(QWidget* parent) : QWidget(parent) {
  setAccessibleName(tr("Duration histogram"));
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void DurationHistogram::setBins(std::vector<sa3::DurationBin> bins, double nativeLengthS) {
  m_bins = std::move(bins);
  m_nativeLengthS = nativeLengthS;
  QStringList tip;
  for (const sa3::DurationBin& bin : m_bins) tip << tr("%1 s: %n clip(s)", nullptr, int(bin.count)).arg(binLabel(bin));
  setToolTip(tip.join(QLatin1Char('\n')));
  update();
}

QString DurationHistogram::binLabel(const sa3::DurationBin& bin) {
  // Compact enough for nine bars in a side panel; the axis caption says "seconds".
  if (std::isinf(bin.to_s)) return tr("%1+").arg(bin.from_s);
  return tr("%1–%2").arg(bin.from_s).arg(bin.to_s);
}

void DurationHistogram::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QPalette pal = palette();
  const QFontMetrics fm = fontMetrics();
  const bool noClips =
      std::all_of(m_bins.begin(), m_bins.end(), [](const sa3::DurationBin& bin) { return bin.count == 0; });
  if (noClips) {
    p.setPen(pal.placeholderText().color());
    p.drawText(rect(), Qt::AlignCenter, tr("No clips"));
    return;
  }
  size_t most = 1;
  for (const auto& bin : m_bins) most = std::max(most, bin.count);
  const int labelH = 2 * fm.height() + 4;  // bin labels, then the axis caption
  const int top = fm.height() + 2;  // room for the counts above the bars
  const int chartH = std::max(10, height() - labelH - top);
  const double slot = double(width()) / double(m_bins.size());
  for (size_t i = 0; i < m_bins.size(); ++i) {
    const auto& bin = m_bins[i];
    const double x = i * slot;
    const int barH = int(double(bin.count) / double(most) * chartH);
    // Clips under 1 s are too short and clips past the native length get cropped.
    const bool outside = bin.to_s <= 1.0 || bin.from_s >= m_nativeLengthS;
    const QColor colour = outside ? QColor(0xd0, 0x8a, 0x2e) : pal.highlight().color();
    const QRectF bar(x + slot * 0.15, top + chartH - barH, slot * 0.7, barH);
    p.fillRect(bar, colour);
    p.setPen(pal.text().color());
    if (bin.count > 0)
      p.drawText(QRectF(x, bar.top() - fm.height(), slot, fm.height()), Qt::AlignCenter, QString::number(bin.count));
    const QString label = fm.elidedText(binLabel(bin), Qt::ElideRight, int(slot) - 2);
    p.drawText(QRectF(x, top + chartH + 2, slot, fm.height()), Qt::AlignHCenter | Qt::AlignTop, label);
  }
  p.setPen(pal.placeholderText().color());
  p.drawText(QRectF(0, height() - fm.height(), width(), fm.height()), Qt::AlignCenter,
             tr("clip duration, seconds (orange: too short, or cropped by the model)"));
}

}  // namespace sa3::ui
