// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's summarise(): the numbers of the Dataset page's stats panel.
#include <algorithm>
#include <limits>

#include "sa3/dataset.h"

namespace sa3 {

DatasetSummary summarise(const std::vector<Clip>& clips, const DatasetState& state) {
  static constexpr double kEdges[] = {0, 1, 5, 10, 30, 60, 120, 380, std::numeric_limits<double>::infinity()};
  DatasetSummary s;
  for (size_t i = 0; i + 1 < std::size(kEdges); ++i) s.duration_histogram.push_back({kEdges[i], kEdges[i + 1], 0});
  bool first = true;
  for (const Clip& c : clips) {
    if (state.excluded.count(c.id)) {
      ++s.excluded_count;
      continue;
    }
    ++s.clip_count;
    if (!c.header_error.empty()) continue;
    s.total_duration_s += c.duration_s;
    s.min_duration_s = first ? c.duration_s : std::min(s.min_duration_s, c.duration_s);
    s.max_duration_s = first ? c.duration_s : std::max(s.max_duration_s, c.duration_s);
    first = false;
    for (DurationBin& bin : s.duration_histogram)
      if (c.duration_s >= bin.from_s && c.duration_s < bin.to_s) ++bin.count;
    ++s.sample_rates[c.sample_rate];
    ++s.channel_counts[c.channels];
    ++s.formats[c.format];
  }
  return s;
}

}  // namespace sa3
