// SPDX-License-Identifier: GPL-3.0-or-later
// Downloading a URL to a file the safe way: into "<destination>.part", resumed with a Range
// request after a failure or a restart, verified (size, and SHA-256 or git blob id hashed while
// the bytes arrive), then renamed into place, so the destination is either absent or complete.
// Redirects to other hosts (CDNs) never receive the auth headers.
//
// Threading: runs on the caller's thread with the caller's HttpClient.
// Errors: an HTTP error status throws DownloadHttpError (an sa3::Error) naming the URL (without
//   its query string) and the status: InvalidInput for 4xx, Environment for 5xx after retries.
//   Transport failures and verification failures throw Environment errors. A connection that
//   closes early keeps the .part file (the next call resumes it); content that fails
//   verification removes it.
// Retries: each round makes up to retry.max_attempts attempts; a round in which bytes arrived
//   is followed by a fresh round, so a flaky but moving transfer is not given up on.
// Cancellation: request.control aborts the transfer with sa3::Cancelled; the .part file stays
//   for a later resume.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "net/http_client.h"
#include "net/retry.h"

namespace sa3::net {

struct DownloadRequest {
  std::string url;
  std::filesystem::path destination;
  Headers headers;
  Headers auth_headers;                       // see HttpRequest::auth_headers
  std::vector<std::string> authorized_hosts;  // see HttpRequest::authorized_hosts
  std::optional<std::uint64_t> expected_size;
  std::optional<std::string> expected_sha256;  // lowercase hex
  // git's blob id (SHA-1 of "blob <size>\0" + content, lowercase hex), the Hugging Face hub's
  // only hash of files not stored in LFS. Needs expected_size.
  std::optional<std::string> expected_git_blob_id;
  bool resume = true;                          // continue an existing .part file
  RetryPolicy retry;                           // transport errors and 408/429/5xx but 501
  const JobControl* control = nullptr;
  std::function<void(std::uint64_t done, std::uint64_t total)> on_progress;
};

struct DownloadResult {
  std::uint64_t bytes = 0;         // size of the finished file
  std::uint64_t resumed_from = 0;  // bytes already in the .part file at the first request
  std::string final_url;           // after redirects, query removed
  std::string sha256;              // of the finished file, lowercase hex
};

class DownloadHttpError : public Error {
 public:
  DownloadHttpError(ErrorKind kind, std::string message, long status) : Error(kind, std::move(message)), status_(status) {}
  long status() const { return status_; }

 private:
  long status_;
};

std::filesystem::path part_path(const std::filesystem::path& destination);
DownloadResult download_file(HttpClient& client, const DownloadRequest& request);

// scheme://host/path without the query string, for messages (signed URLs carry tokens).
std::string redact_url(const std::string& url);

}  // namespace sa3::net
