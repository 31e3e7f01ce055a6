// SPDX-License-Identifier: GPL-3.0-or-later
// SpectrogramView: dB matrix → colour image (dark blue → yellow), scaled to the widget.
#include "ui/audition/spectrogram_view.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace sa3::ui {
namespace {

// A perceptually ordered ramp (dark → bright) so louder reads as brighter in any theme.
QRgb colourFor(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  const int r = static_cast<int>(255 * std::clamp(1.6f * t - 0.35f, 0.0f, 1.0f));
  const int g = static_cast<int>(255 * std::clamp(1.3f * t * t + 0.2f * t, 0.0f, 1.0f));
  const int b = static_cast<int>(255 * std::clamp(0.45f + 0.9f * t - 1.3f * t * t, 0.0f, 1.0f) * (1.0f - 0.6f * t));
  return qRgb(r, g, b);
}

}  // namespace

SpectrogramView::SpectrogramView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void SpectrogramView::setSpectrogram(const sa3::Spectrogram& s) {
  if (s.frames == 0 || s.bins == 0 || s.db.size() < s.frames * s.bins) {
    clear();
    return;
  }
  // Shows 80 dB below the loudest bin: quieter detail is noise to the ear.
  const float top = *std::max_element(s.db.begin(), s.db.end());
  const float range = 80.0f;
  QImage image(static_cast<int>(s.frames), static_cast<int>(s.bins), QImage::Format_RGB32);
  for (size_t f = 0; f < s.frames; ++f) {
    for (size_t b = 0; b < s.bins; ++b) {
      const float t = 1.0f - (top - s.db[f * s.bins + b]) / range;
      image.setPixel(static_cast<int>(f), static_cast<int>(s.bins - 1 - b), colourFor(t));
    }
  }
  m_image = std::move(image);
  update();
}

void SpectrogramView::clear() {
  m_image = {};
  update();
}

void SpectrogramView::setPlayhead(double fraction) {
  if (fraction == m_playhead) return;
  m_playhead = fraction;
  update();
}

void SpectrogramView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  if (m_image.isNull()) {
    p.setPen(palette().placeholderText().color());
    p.drawText(rect(), Qt::AlignCenter, tr("Spectrogram"));
    return;
  }
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  p.drawImage(rect(), m_image);
  if (m_playhead >= 0) {
    const int x = static_cast<int>(std::round(m_playhead * (width() - 1)));
    p.setPen(QPen(Qt::white, 1));
    p.drawLine(x, 0, x, height());
  }
}

}  // namespace sa3::ui
