// SPDX-License-Identifier: GPL-3.0-or-later
// WaveformView: paints the thumbnail it is given (and a note otherwise), and turns clicks into
// seek requests at the clicked fraction of the clip.
#include "ui/dataset/waveform_view.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include "qt_test_app.h"

namespace sa3::ui {
namespace {

// Counts pixels in column x that differ from the widget's background (top-left corner).
int inkInColumn(const QImage& image, int x) {
  const QRgb background = image.pixel(0, 0);
  int ink = 0;
  for (int y = 0; y < image.height(); ++y) ink += image.pixel(x, y) != background;
  return ink;
}

TEST(WaveformView, Peaks_ArePaintedLoudWhereTheClipIsLoud) {
  WaveformView view;
  view.resize(200, 100);
  // First half silent, second half full scale.
  std::vector<float> lo(100, 0.0f), hi(100, 0.0f);
  for (size_t i = 50; i < 100; ++i) {
    lo[i] = -1.0f;
    hi[i] = 1.0f;
  }
  view.setPeaks(lo, hi);
  const QImage image = view.grab().toImage();
  EXPECT_LT(inkInColumn(image, 40), 5);   // the centre line only
  EXPECT_GT(inkInColumn(image, 160), 80);  // nearly the whole height
}

TEST(WaveformView, Click_RequestsSeekAtThatFraction) {
  WaveformView view;
  view.resize(201, 80);
  view.setPeaks(std::vector<float>(10, -0.5f), std::vector<float>(10, 0.5f));
  QSignalSpy seek(&view, &WaveformView::seekRequested);
  QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, QPoint(50, 40));
  ASSERT_EQ(seek.count(), 1);
  EXPECT_NEAR(seek.at(0).at(0).toDouble(), 0.25, 0.01);
}

TEST(WaveformView, WithoutPeaks_ClickDoesNotSeek) {
  WaveformView view;
  view.resize(200, 80);
  view.setNote(QStringLiteral("Analysing…"));
  QSignalSpy seek(&view, &WaveformView::seekRequested);
  QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, QPoint(50, 40));
  EXPECT_EQ(seek.count(), 0);
}

}  // namespace
}  // namespace sa3::ui
