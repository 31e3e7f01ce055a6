// SPDX-License-Identifier: GPL-3.0-or-later
// Speed and time-left of a transfer, from the bytes seen over the last few seconds, so a stall
// shows at once and a burst does not promise an ETA the connection cannot keep.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <string>

namespace sa3 {

class TransferMeter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit TransferMeter(std::chrono::milliseconds window = std::chrono::seconds(5)) : window_(window) {}

  // `done` counts every byte of the job (resumed bytes included); only growth counts as speed.
  void sample(std::uint64_t done, Clock::time_point now = Clock::now());
  double bytes_per_second() const;
  // Seconds until `total`; -1 while the speed is unknown.
  double eta_seconds(std::uint64_t total) const;

 private:
  struct Sample {
    Clock::time_point time;
    std::uint64_t done;
  };
  std::chrono::milliseconds window_;
  std::deque<Sample> samples_;
};

// "42.1 MB/s", "980 kB/s" (SI units, as browsers and the hub show sizes).
std::string format_rate(double bytes_per_second);
// "9.22 GB", "512 kB", "17 B".
std::string format_bytes(std::uint64_t bytes);
// "45 s", "3 min", "2 h 5 min".
std::string format_duration(double seconds);

}  // namespace sa3
