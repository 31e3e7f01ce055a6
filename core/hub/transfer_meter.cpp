// SPDX-License-Identifier: GPL-3.0-or-later
// Sliding-window transfer rate and human-readable sizes.
#include "transfer_meter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sa3 {

void TransferMeter::sample(std::uint64_t done, Clock::time_point now) {
  samples_.push_back({now, done});
  while (samples_.size() > 2 && now - samples_[1].time >= window_) samples_.pop_front();
}

double TransferMeter::bytes_per_second() const {
  if (samples_.size() < 2) return 0;
  const double seconds = std::chrono::duration<double>(samples_.back().time - samples_.front().time).count();
  if (seconds <= 0 || samples_.back().done < samples_.front().done) return 0;
  return static_cast<double>(samples_.back().done - samples_.front().done) / seconds;
}

double TransferMeter::eta_seconds(std::uint64_t total) const {
  const double rate = bytes_per_second();
  if (rate <= 0 || samples_.empty()) return -1;
  const std::uint64_t done = samples_.back().done;
  return done >= total ? 0 : static_cast<double>(total - done) / rate;
}

std::string format_bytes(std::uint64_t bytes) {
  static const char* units[] = {"kB", "MB", "GB", "TB"};
  if (bytes < 1000) return std::to_string(bytes) + " B";
  double value = static_cast<double>(bytes);
  int unit = -1;
  while (value >= 1000 && unit < 3) {
    value /= 1000;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  return text;
}

std::string format_rate(double bytes_per_second) {
  return format_bytes(static_cast<std::uint64_t>(std::llround(std::max(0.0, bytes_per_second)))) + "/s";
}

std::string format_duration(double seconds) {
  const auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string((s + 30) / 60) + " min";
  const long long minutes = (s + 30) / 60;
  return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

}  // namespace sa3
