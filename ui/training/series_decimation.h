// SPDX-License-Identifier: GPL-3.0-or-later
// Thinning a long loss series for drawing: QtCharts redraws every point of a series on each
// change, which costs ~10 ms per thousand points, so a 20,000-step run is drawn from at most a
// few thousand points without losing what a reader looks for: each of `buckets` equal slices
// of the x range keeps its lowest and highest point (the spikes and the floor), in step order.
// Threading: pure functions.
#pragma once

#include <QList>
#include <QPointF>

namespace sa3::ui {

// `points` rise in x. Keeps the points within [x0, x1] plus one on each side, so lines reach
// the edges of a zoomed view. Series no longer than 2 × buckets come back unchanged.
QList<QPointF> decimateSeries(const QList<QPointF>& points, double x0, double x1, int buckets);

}  // namespace sa3::ui
