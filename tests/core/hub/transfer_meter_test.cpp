// SPDX-License-Identifier: GPL-3.0-or-later
// Transfer speed, time left and the sizes shown to users.
#include "hub/transfer_meter.h"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono_literals;
using sa3::TransferMeter;

TEST(TransferMeter, SteadyRate_SpeedAndEta) {
  TransferMeter meter;
  const auto t0 = TransferMeter::Clock::time_point{} + 100s;
  meter.sample(1000, t0);  // resumed bytes do not count as speed
  EXPECT_EQ(meter.eta_seconds(10000), -1);
  meter.sample(3000, t0 + 1s);
  meter.sample(5000, t0 + 2s);
  EXPECT_DOUBLE_EQ(meter.bytes_per_second(), 2000);
  EXPECT_DOUBLE_EQ(meter.eta_seconds(15000), 5);
}

TEST(TransferMeter, Stall_RateFallsOnceOldSamplesLeaveTheWindow) {
  TransferMeter meter(5s);
  const auto t0 = TransferMeter::Clock::time_point{} + 100s;
  meter.sample(0, t0);
  meter.sample(10000, t0 + 1s);
  for (int s = 2; s <= 8; ++s) meter.sample(10000, t0 + std::chrono::seconds(s));
  EXPECT_DOUBLE_EQ(meter.bytes_per_second(), 0);
  EXPECT_EQ(meter.eta_seconds(20000), -1);
}

TEST(TransferMeter, Formatting_SiUnitsAndDurations) {
  EXPECT_EQ(sa3::format_bytes(17), "17 B");
  EXPECT_EQ(sa3::format_bytes(9222116660), "9.22 GB");
  EXPECT_EQ(sa3::format_bytes(512000), "512 kB");
  EXPECT_EQ(sa3::format_rate(42100000), "42.1 MB/s");
  EXPECT_EQ(sa3::format_duration(45), "45 s");
  EXPECT_EQ(sa3::format_duration(185), "3 min");
  EXPECT_EQ(sa3::format_duration(7500), "2 h 5 min");
}

}  // namespace
