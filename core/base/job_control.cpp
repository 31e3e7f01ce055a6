// SPDX-License-Identifier: GPL-3.0-or-later
// JobControl: throttled progress, logging and cooperative cancellation.
#include "sa3/job_control.h"

#include "sa3/error.h"

namespace sa3 {

void JobControl::check_cancelled() const {
  if (cancelled()) throw Cancelled();
}

void JobControl::progress(double done, double total, const std::string& what) {
  if (!on_progress) return;
  const auto now = std::chrono::steady_clock::now();
  const bool final_update = done >= total;
  if (!final_update && now - last_progress_ < std::chrono::milliseconds(100)) return;
  last_progress_ = now;
  on_progress(done, total, what);
}

void JobControl::log(LogLevel level, const std::string& message) const {
  if (on_log) on_log(level, message);
}

}  // namespace sa3
