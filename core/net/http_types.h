// SPDX-License-Identifier: GPL-3.0-or-later
// Plain values describing one HTTP exchange: headers, request, response, and the transport
// error that carries whether the request may have reached the server.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sa3/error.h"
#include "sa3/job_control.h"

namespace sa3::net {

// Header list with case-insensitive lookup (HTTP header names are case-insensitive).
class Headers {
 public:
  struct Entry {
    std::string name, value;
  };
  void add(std::string name, std::string value) { entries_.push_back({std::move(name), std::move(value)}); }
  // Replaces every header of that name.
  void set(const std::string& name, std::string value);
  void remove(const std::string& name);
  std::optional<std::string> get(std::string_view name) const;  // the last one of that name
  bool has(std::string_view name) const { return get(name).has_value(); }
  const std::vector<Entry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<Entry> entries_;
};

bool iequals(std::string_view a, std::string_view b);

// Part of a file sent as the request body without holding it in memory.
struct FileBody {
  std::filesystem::path path;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  Headers headers;       // sent to every host, redirects included
  // Secrets (Authorization): sent only to the first URL's host and to `authorized_hosts`
  // ("host" or "host:port"), never to a redirect target elsewhere (a CDN, a signed upload URL).
  Headers auth_headers;
  std::vector<std::string> authorized_hosts;
  std::string body;
  std::optional<FileBody> body_file;  // replaces `body` when set
  // Receives a 2xx response body instead of HttpResponse::body (downloads). Error bodies are
  // always kept in memory for the message.
  std::function<void(const char* data, size_t size)> sink;
  // Called once with the status and headers of a 2xx response, before its first sink call
  // (a download decides here whether a Range request was honoured).
  std::function<void(long status, const Headers& headers)> on_response_start;
  // Bytes so far and expected (0 when unknown) of the upload or download, at most ~10/s.
  std::function<void(std::uint64_t done, std::uint64_t total)> on_transfer;
  const JobControl* control = nullptr;  // cancel() aborts the transfer with sa3::Cancelled
  int max_redirects = 10;
  long connect_timeout_s = 30;
  long timeout_s = 120;       // whole exchange; 0 = none (uploads, downloads, streams)
  long idle_timeout_s = 60;   // abort when under 1 byte/s for this long; 0 = never
};

struct HttpResponse {
  long status = 0;
  Headers headers;
  std::string body;       // empty for a 2xx response that went to the request's sink
  std::string final_url;  // after redirects
  bool ok() const { return status >= 200 && status < 300; }
};

// The exchange failed below HTTP (DNS, connect, reset, timeout). `maybe_delivered` is false
// only when the request provably never reached the server (no connection was made), which is
// what makes retrying a non-idempotent request (a paid fal submit) safe.
class TransportError : public Error {
 public:
  TransportError(std::string message, bool maybe_delivered)
      : Error(ErrorKind::Environment, std::move(message)), maybe_delivered_(maybe_delivered) {}
  bool maybe_delivered() const { return maybe_delivered_; }

 private:
  bool maybe_delivered_;
};

}  // namespace sa3::net
