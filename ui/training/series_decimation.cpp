// SPDX-License-Identifier: GPL-3.0-or-later
// decimateSeries: min/max per x bucket.
#include "ui/training/series_decimation.h"

#include <algorithm>
#include <cmath>

namespace sa3::ui {

QList<QPointF> decimateSeries(const QList<QPointF>& points, double x0, double x1, int buckets) {
  const auto byX = [](const QPointF& p, double x) { return p.x() < x; };
  auto first = std::lower_bound(points.cbegin(), points.cend(), x0, byX);
  auto last = std::upper_bound(points.cbegin(), points.cend(), x1, [](double x, const QPointF& p) { return x < p.x(); });
  if (first != points.cbegin()) --first;
  if (last != points.cend()) ++last;
  const auto count = std::distance(first, last);
  if (count <= 2 * static_cast<qsizetype>(buckets) || x1 <= x0) return QList<QPointF>(first, last);

  QList<QPointF> out;
  out.reserve(2 * buckets + 2);
  const double width = (x1 - x0) / buckets;
  // Points left of x0 or right of x1 form buckets of their own; x1 itself joins the last one.
  const auto bucketOf = [&](double x) {
    if (x < x0) return -1;
    if (x > x1) return buckets;
    return std::min(static_cast<int>(std::floor((x - x0) / width)), buckets - 1);
  };
  auto it = first;
  while (it != last) {
    const int bucket = bucketOf(it->x());
    auto low = it, high = it, end = it;
    while (end != last && bucketOf(end->x()) == bucket) {
      if (end->y() < low->y()) low = end;
      if (end->y() > high->y()) high = end;
      ++end;
    }
    if (low == high) {
      out.append(*low);
    } else {
      out.append(low->x() < high->x() ? *low : *high);
      out.append(low->x() < high->x() ? *high : *low);
    }
    it = end;
  }
  return out;
}

}  // namespace sa3::ui
