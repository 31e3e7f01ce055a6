// SPDX-License-Identifier: GPL-3.0-or-later
// DurationHistogram: bar chart of core's duration bins (0–1 s, 1–5 s, …, 380 s+), painted
// directly; bins outside the model's useful range are tinted as a hint.
#pragma once

#include <QWidget>
#include <vector>

#include "sa3/dataset.h"

namespace sa3::ui {

class DurationHistogram : public QWidget {
  Q_OBJECT
 public:
  explicit DurationHistogram(QWidget* parent = nullptr);

  void setBins(std::vector<sa3::DurationBin> bins, double nativeLengthS);
  QSize sizeHint() const override { return {320, 160}; }
  QSize minimumSizeHint() const override { return {200, 120}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  static QString binLabel(const sa3::DurationBin& bin);

  std::vector<sa3::DurationBin> m_bins;
  double m_nativeLengthS = 120;
};

}  // namespace sa3::ui
