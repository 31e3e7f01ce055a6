// SPDX-License-Identifier: GPL-3.0-or-later
// FalApi: fal's queue and storage calls (spec/fal-protocol.md §3, §5) with the retry rules of
// §8. The key goes only to the configured queue and REST hosts; signed upload URLs and CDN
// downloads never see it.
// Threading: one object per thread (it owns an HttpClient).
// Errors: throws sa3::Error via throw_fal_error; sa3::Cancelled through the JobControl.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "net/http_client.h"
#include "net/retry.h"
#include "sa3/fal.h"

namespace sa3::fal {

struct QueueHandle {
  std::string request_id, status_url, response_url, cancel_url;
};

struct QueueStatus {
  std::string status;
  int queue_position = -1;
  nlohmann::json logs = nlohmann::json::array();  // cumulative list of {message, level, timestamp}
  std::string error, error_type;
};

class FalApi {
 public:
  FalApi(const FalSettings& settings, const JobControl* control);

  // POST the input to the queue. Retried only on 429 and on gateway errors without a request
  // id, and when the connection was never made; an answer lost after sending is reported.
  QueueHandle submit(const nlohmann::json& input);
  QueueStatus status(const QueueHandle& handle, bool logs);
  // The result response as fal sent it (2xx output or the model's error), after retries.
  net::HttpResponse result(const QueueHandle& handle);
  // true when cancellation was requested, false when the request had already completed.
  bool cancel(const QueueHandle& handle);

  // Uploads a file to fal storage (single PUT, or 10 MiB parts above the threshold) and
  // returns its file_url. Progress is reported in bytes through on_progress.
  std::string upload(const std::filesystem::path& file, const std::string& content_type,
                     const std::function<void(std::uint64_t done, std::uint64_t total)>& on_progress);

  // Downloads a result file (no auth header; redirects followed; size checked when known).
  void download(const std::string& url, const std::filesystem::path& destination,
                std::optional<std::uint64_t> expected_size);

  void set_on_retry(std::function<void(const std::string&)> on_retry) { on_retry_ = std::move(on_retry); }

 private:
  net::HttpRequest json_request(const std::string& method, const std::string& url) const;
  net::RetryPolicy policy(int attempts, std::vector<long> statuses) const;
  nlohmann::json parse_json(const std::string& what, const net::HttpResponse& response) const;
  std::string upload_single(const std::filesystem::path& file, std::uint64_t size, const std::string& content_type,
                            const std::function<void(std::uint64_t, std::uint64_t)>& on_progress);
  std::string upload_multipart(const std::filesystem::path& file, std::uint64_t size, const std::string& content_type,
                               const std::function<void(std::uint64_t, std::uint64_t)>& on_progress);
  std::pair<std::string, std::string> initiate(const std::string& route, const std::filesystem::path& file,
                                               const std::string& content_type);

  FalSettings settings_;
  const JobControl* control_;
  net::HttpClient client_;
  std::vector<std::string> api_hosts_;  // host keys allowed to receive the key
  std::function<void(const std::string&)> on_retry_;
};

}  // namespace sa3::fal
