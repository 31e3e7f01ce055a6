// SPDX-License-Identifier: GPL-3.0-or-later
// fal queue calls: submit, status, result, cancel, result downloads.
#include "fal/fal_api.h"

#include <algorithm>

#include "fal/fal_error.h"
#include "net/file_download.h"
#include "net/url.h"

namespace sa3::fal {

using nlohmann::json;

FalApi::FalApi(const FalSettings& settings, const JobControl* control)
    : settings_(settings), control_(control),
      api_hosts_{net::host_key(settings.queue_base), net::host_key(settings.rest_base)} {
  if (settings_.key.empty()) throw_invalid("no fal key: set FAL_KEY (or FAL_KEY_ID and FAL_KEY_SECRET)");
}

net::HttpRequest FalApi::json_request(const std::string& method, const std::string& url) const {
  // URLs from fal's answers are used verbatim (spec §1.2), so check each one before it gets the key.
  const std::string key = net::host_key(url);
  if (std::find(api_hosts_.begin(), api_hosts_.end(), key) == api_hosts_.end())
    throw_invalid("refusing to send the fal key to " + net::redact_url(url) + " (not the fal queue or REST host)");
  net::HttpRequest r;
  r.method = method;
  r.url = url;
  r.headers.add("Accept", "application/json");
  r.headers.add("Content-Type", "application/json");
  r.auth_headers.add("Authorization", "Key " + settings_.key);
  r.control = control_;
  r.timeout_s = settings_.request_timeout_s;
  return r;
}

net::RetryPolicy FalApi::policy(int attempts, std::vector<long> statuses) const {
  net::RetryPolicy p;
  p.max_attempts = attempts;
  p.base_delay = settings_.retry_base_delay;
  p.retryable = [statuses](const net::HttpResponse& r) {
    // A start-timeout the user asked for is final (spec §3.7).
    if (r.status == 504 && r.headers.get("X-Fal-Request-Timeout-Type") == "user") return false;
    return std::find(statuses.begin(), statuses.end(), r.status) != statuses.end();
  };
  p.on_retry = [this](const std::string& why, std::chrono::milliseconds delay) {
    if (on_retry_) on_retry_("fal did not answer (" + why + "); retrying in " + std::to_string(delay.count()) + " ms");
  };
  return p;
}

json FalApi::parse_json(const std::string& what, const net::HttpResponse& response) const {
  json value = json::parse(response.body, nullptr, false);
  if (value.is_discarded() || !value.is_object())
    throw_environment("fal " + what + ": the answer is not a JSON object (HTTP " + std::to_string(response.status) + ")");
  return value;
}

QueueHandle FalApi::submit(const json& input) {
  net::HttpRequest r = json_request("POST", settings_.queue_base + "/" + settings_.app);
  r.headers.add("X-Fal-Queue-Priority", "normal");
  r.body = input.dump();
  net::RetryPolicy p = policy(4, {});
  p.retry_transport_errors = false;
  // Only answers that never reached the queue may be retried: a duplicate submit is a second paid run.
  p.retryable = [](const net::HttpResponse& r) {
    if (r.status == 429 || r.status == -1) return true;
    const bool gateway = r.status == 502 || r.status == 503 || r.status == 504;
    const bool user_timeout = r.headers.has("X-Fal-Request-Timeout-Type");
    return gateway && !user_timeout && !r.headers.has("x-fal-request-id");
  };
  const net::HttpResponse response = net::with_retries(
      p,
      [&] {
        try {
          return client_.send(r);
        } catch (const net::TransportError& e) {
          if (e.maybe_delivered())
            throw_environment(std::string("fal submit: no answer after the job was sent (") + e.what() +
                              "). It may have been queued: check your requests on fal.ai before submitting again");
          net::HttpResponse not_sent;
          not_sent.status = -1;
          not_sent.body = e.what();
          return not_sent;
        }
      },
      control_);
  if (response.status == -1) throw_environment("fal submit: could not reach " + settings_.queue_base + ": " + response.body);
  if (!response.ok()) throw_fal_error("submit", response);
  const json body = parse_json("submit", response);
  QueueHandle h;
  h.request_id = body.value("request_id", "");
  h.status_url = body.value("status_url", "");
  h.response_url = body.value("response_url", "");
  h.cancel_url = body.value("cancel_url", "");
  if (h.request_id.empty() || h.status_url.empty() || h.response_url.empty() || h.cancel_url.empty())
    throw_environment("fal submit: the answer lacks request_id or its status/response/cancel URLs: " +
                      response.body.substr(0, 300));
  return h;
}

QueueStatus FalApi::status(const QueueHandle& handle, bool logs) {
  const std::string url = handle.status_url + (handle.status_url.find('?') == std::string::npos ? "?" : "&") +
                          "logs=" + (logs ? "1" : "0");
  const net::HttpRequest r = json_request("GET", url);
  const net::HttpResponse response =
      net::with_retries(policy(6, {408, 429, 500, 502, 503, 504}), [&] { return client_.send(r); }, control_);
  if (!response.ok()) throw_fal_error("status", response);
  const json body = parse_json("status", response);
  QueueStatus s;
  s.status = body.value("status", "");
  if (body.contains("queue_position") && body["queue_position"].is_number_integer()) s.queue_position = body["queue_position"];
  if (body.contains("logs") && body["logs"].is_array()) s.logs = body["logs"];
  if (body.contains("error") && body["error"].is_string()) s.error = body["error"];
  if (body.contains("error_type") && body["error_type"].is_string()) s.error_type = body["error_type"];
  return s;
}

net::HttpResponse FalApi::result(const QueueHandle& handle) {
  const net::HttpRequest r = json_request("GET", handle.response_url);
  return net::with_retries(policy(4, {408, 429, 502, 503, 504}), [&] { return client_.send(r); }, control_);
}

bool FalApi::cancel(const QueueHandle& handle) {
  const net::HttpRequest r = json_request("PUT", handle.cancel_url);
  const net::HttpResponse response =
      net::with_retries(policy(4, {408, 429, 502, 503, 504}), [&] { return client_.send(r); }, control_);
  if (response.ok()) return true;
  if (response.body.find("ALREADY_COMPLETED") != std::string::npos) return false;
  throw_fal_error("cancel", response);
}

void FalApi::download(const std::string& url, const std::filesystem::path& destination,
                      std::optional<std::uint64_t> expected_size) {
  net::DownloadRequest d;
  d.url = url;
  d.destination = destination;
  d.expected_size = expected_size;
  d.resume = false;
  d.control = control_;
  d.retry = policy(4, {});
  net::download_file(client_, d);
}

}  // namespace sa3::fal
