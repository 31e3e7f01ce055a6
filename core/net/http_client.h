// SPDX-License-Identifier: GPL-3.0-or-later
// HttpClient: one HTTP exchange at a time over libcurl, redirects followed by us so that
// credentials only go to hosts allowed for them (HttpRequest::auth_headers).
//
// Lifecycle: create one per thread and reuse it; it keeps libcurl's connection cache.
// Threading: not thread-safe; JobControl::cancel() may come from any thread.
// Errors: HTTP error statuses are returned as responses, not thrown. Transport failures throw
//   TransportError; a bad URL or credentials over plain http to a remote host throw
//   sa3::Error (InvalidInput); cancellation throws sa3::Cancelled.
#pragma once

#include <memory>

#include "net/http_types.h"

namespace sa3::net {

class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse send(const HttpRequest& request);

  // The User-Agent sent with every request.
  static std::string user_agent();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sa3::net
