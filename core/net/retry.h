// SPDX-License-Identifier: GPL-3.0-or-later
// Retrying an HTTP call with exponential backoff and jitter (spec/fal-protocol.md §8).
// The sleeper is injectable so tests run in microseconds; the default one sleeps in short
// slices and stops early with sa3::Cancelled when the JobControl is cancelled.
// Errors: the last response is returned when retries run out; the last TransportError is
//   rethrown; sa3::Cancelled and any other exception propagate at once.
#pragma once

#include <chrono>
#include <functional>
#include <random>

#include "net/http_types.h"

namespace sa3::net {

struct RetryPolicy {
  int max_attempts = 4;                       // including the first
  std::chrono::milliseconds base_delay{1000};  // delay before retry n: base * 2^(n-1)
  std::chrono::milliseconds max_delay{30000};
  double jitter = 0.25;                        // +-25 % uniform
  bool retry_transport_errors = true;          // only where the call is idempotent
  // Which HTTP responses deserve another attempt.
  std::function<bool(const HttpResponse&)> retryable = [](const HttpResponse& r) {
    return r.status == 408 || r.status == 429 || r.status == 502 || r.status == 503 || r.status == 504;
  };
  std::function<void(std::chrono::milliseconds)> sleeper;  // empty = real, cancellable sleep
  // Told before each retry: what failed and how long we wait.
  std::function<void(const std::string& why, std::chrono::milliseconds delay)> on_retry;
};

// Delay before retry `retry` (1-based), before jitter; Retry-After (seconds) wins when given.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry);

HttpResponse with_retries(const RetryPolicy& policy, const std::function<HttpResponse()>& attempt,
                          const JobControl* control = nullptr);

}  // namespace sa3::net
