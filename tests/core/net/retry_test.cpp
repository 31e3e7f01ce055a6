// SPDX-License-Identifier: GPL-3.0-or-later
// Backoff with jitter, Retry-After, give-up and non-retryable outcomes, with a fake sleeper.
#include "net/retry.h"

#include <gtest/gtest.h>

namespace sa3::net {
namespace {

using std::chrono::milliseconds;

HttpResponse status(long code) {
  HttpResponse r;
  r.status = code;
  return r;
}

struct Recorder {
  std::vector<milliseconds> slept;
  RetryPolicy policy() {
    RetryPolicy p;
    p.sleeper = [this](milliseconds d) { slept.push_back(d); };
    return p;
  }
};

TEST(Retry, TwoUnavailableThenOk_ThreeAttemptsWithGrowingDelays) {
  Recorder rec;
  int calls = 0;
  const HttpResponse r = with_retries(rec.policy(), [&] { return status(++calls < 3 ? 503 : 200); });
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(calls, 3);
  ASSERT_EQ(rec.slept.size(), 2u);
  EXPECT_GE(rec.slept[0].count(), 750);
  EXPECT_LE(rec.slept[0].count(), 1250);
  EXPECT_GE(rec.slept[1].count(), 1500);
  EXPECT_LE(rec.slept[1].count(), 2500);
}

TEST(Retry, AlwaysFailing_ReturnsLastResponseAfterMaxAttempts) {
  Recorder rec;
  RetryPolicy p = rec.policy();
  p.max_attempts = 5;
  int calls = 0;
  EXPECT_EQ(with_retries(p, [&] { ++calls; return status(502); }).status, 502);
  EXPECT_EQ(calls, 5);
  EXPECT_EQ(rec.slept.size(), 4u);
}

TEST(Retry, NonRetryableStatus_ReturnedAtOnce) {
  Recorder rec;
  int calls = 0;
  EXPECT_EQ(with_retries(rec.policy(), [&] { ++calls; return status(422); }).status, 422);
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(rec.slept.empty());
}

TEST(Retry, RetryAfterHeader_UsedAsDelayCappedAtMax) {
  Recorder rec;
  RetryPolicy p = rec.policy();
  p.max_delay = milliseconds(5000);
  int calls = 0;
  with_retries(p, [&] {
    HttpResponse r = status(++calls == 1 ? 429 : (calls == 2 ? 429 : 200));
    r.headers.add("Retry-After", calls == 1 ? "2" : "60");
    return r;
  });
  ASSERT_EQ(rec.slept.size(), 2u);
  EXPECT_EQ(rec.slept[0], milliseconds(2000));
  EXPECT_EQ(rec.slept[1], milliseconds(5000));
}

TEST(Retry, TransportErrors_RetriedOnlyWhenAllowed) {
  Recorder rec;
  int calls = 0;
  auto flaky = [&] {
    if (++calls == 1) throw TransportError("reset", true);
    return status(200);
  };
  EXPECT_EQ(with_retries(rec.policy(), flaky).status, 200);
  EXPECT_EQ(calls, 2);
  RetryPolicy strict = rec.policy();
  strict.retry_transport_errors = false;
  calls = 0;
  EXPECT_THROW(with_retries(strict, flaky), TransportError);
  EXPECT_EQ(calls, 1);
}

TEST(Retry, BackoffDelay_DoublesUpToCap) {
  RetryPolicy p;
  p.base_delay = milliseconds(100);
  p.max_delay = milliseconds(1000);
  EXPECT_EQ(backoff_delay(p, 1), milliseconds(100));
  EXPECT_EQ(backoff_delay(p, 3), milliseconds(400));
  EXPECT_EQ(backoff_delay(p, 10), milliseconds(1000));
}

TEST(Retry, CancelledDuringDefaultSleep_ThrowsCancelled) {
  RetryPolicy p;
  p.base_delay = milliseconds(5000);
  JobControl control;
  int calls = 0;
  std::thread canceller([&] {
    std::this_thread::sleep_for(milliseconds(100));
    control.cancel();
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(with_retries(p, [&] { ++calls; return status(503); }, &control), Cancelled);
  canceller.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(2000));
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace sa3::net
