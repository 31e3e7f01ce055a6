// SPDX-License-Identifier: GPL-3.0-or-later
// Backoff with jitter around any HTTP call.
#include "net/retry.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <thread>

namespace sa3::net {
namespace {

void cancellable_sleep(std::chrono::milliseconds delay, const JobControl* control) {
  const auto end = std::chrono::steady_clock::now() + delay;
  while (std::chrono::steady_clock::now() < end) {
    if (control) control->check_cancelled();
    std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(
        std::chrono::milliseconds(50),
        std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now()) +
            std::chrono::milliseconds(1)));
  }
}

std::chrono::milliseconds jittered(const RetryPolicy& policy, std::chrono::milliseconds delay) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_real_distribution<double> factor(1.0 - policy.jitter, 1.0 + policy.jitter);
  return std::chrono::milliseconds(static_cast<long long>(static_cast<double>(delay.count()) * factor(rng)));
}

std::optional<std::chrono::milliseconds> retry_after(const HttpResponse& r) {
  const auto value = r.headers.get("Retry-After");
  if (!value || value->empty() || !std::all_of(value->begin(), value->end(), ::isdigit)) return std::nullopt;
  return std::chrono::milliseconds(std::stoll(*value) * 1000);
}

}  // namespace

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry) {
  const int shift = std::clamp(retry - 1, 0, 30);
  const long long raw = policy.base_delay.count() * (1LL << shift);
  return std::chrono::milliseconds(std::min<long long>(raw, policy.max_delay.count()));
}

HttpResponse with_retries(const RetryPolicy& policy, const std::function<HttpResponse()>& attempt,
                          const JobControl* control) {
  for (int n = 1;; ++n) {
    if (control) control->check_cancelled();
    std::string why;
    std::chrono::milliseconds delay = jittered(policy, backoff_delay(policy, n));
    try {
      HttpResponse response = attempt();
      if (!policy.retryable || !policy.retryable(response) || n >= policy.max_attempts) return response;
      why = "HTTP " + std::to_string(response.status);
      if (auto after = retry_after(response)) delay = std::min(*after, policy.max_delay);
    } catch (const TransportError& e) {
      if (!policy.retry_transport_errors || n >= policy.max_attempts) throw;
      why = e.what();
    }
    if (policy.on_retry) policy.on_retry(why, delay);
    if (policy.sleeper)
      policy.sleeper(delay);
    else
      cancellable_sleep(delay, control);
  }
}

}  // namespace sa3::net
