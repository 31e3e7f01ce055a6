// SPDX-License-Identifier: GPL-3.0-or-later
// HttpClient over a reused libcurl easy handle. libcurl's own redirect following is off: it
// would carry custom headers (our Authorization) to whatever host a redirect names.
#include "net/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>

#include "net/url.h"
#include "sa3/version.h"

namespace sa3::net {
namespace {

constexpr size_t kMaxErrorBody = 1 << 20;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlList {
  curl_slist* list = nullptr;
  ~CurlList() { curl_slist_free_all(list); }
  void add(const std::string& line) {
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (!next) throw_environment("out of memory building HTTP headers");
    list = next;
  }
};

// State of one attempt, shared with libcurl's callbacks.
struct Exchange {
  const HttpRequest* request = nullptr;
  HttpResponse response;
  bool to_sink = false;
  bool started = false;
  std::ifstream upload;
  std::uint64_t upload_left = 0;
  bool cancelled = false;
  std::exception_ptr sink_error;
  std::chrono::steady_clock::time_point last_report{};
  std::uint64_t last_done = 0;
};

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  std::string line(data, size * count);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  if (line.rfind("HTTP/", 0) == 0) {
    // A new status line (after a 100 Continue, say) starts a fresh header block.
    ex->response.headers = Headers{};
    const size_t space = line.find(' ');
    ex->response.status = space == std::string::npos ? 0 : std::atol(line.c_str() + space + 1);
    ex->to_sink = ex->request->sink && ex->response.status >= 200 && ex->response.status < 300;
  } else if (const size_t colon = line.find(':'); colon != std::string::npos) {
    size_t v = colon + 1;
    while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
    ex->response.headers.add(line.substr(0, colon), line.substr(v));
  }
  return size * count;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  const size_t n = size * count;
  if (ex->to_sink) {
    try {
      if (!ex->started && ex->request->on_response_start)
        ex->request->on_response_start(ex->response.status, ex->response.headers);
      ex->started = true;
      ex->request->sink(data, n);
    } catch (...) {
      ex->sink_error = std::current_exception();
      return CURL_WRITEFUNC_ERROR;
    }
  } else if (ex->response.body.size() < kMaxErrorBody || !ex->request->sink) {
    ex->response.body.append(data, n);
  }
  return n;
}

size_t on_read(char* buffer, size_t size, size_t count, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  const std::uint64_t want = std::min<std::uint64_t>(size * count, ex->upload_left);
  if (want == 0) return 0;
  ex->upload.read(buffer, static_cast<std::streamsize>(want));
  const auto got = static_cast<std::uint64_t>(ex->upload.gcount());
  if (got == 0) return CURL_READFUNC_ABORT;
  ex->upload_left -= got;
  return static_cast<size_t>(got);
}

int on_progress(void* user, curl_off_t dl_total, curl_off_t dl_now, curl_off_t ul_total, curl_off_t ul_now) {
  auto* ex = static_cast<Exchange*>(user);
  if (ex->request->control && ex->request->control->cancelled()) {
    ex->cancelled = true;
    return 1;
  }
  if (ex->request->on_transfer) {
    const bool uploading = ul_total > 0 || ul_now > 0;
    const auto done = static_cast<std::uint64_t>(uploading ? ul_now : dl_now);
    const auto total = static_cast<std::uint64_t>(uploading ? ul_total : dl_total);
    const auto now = std::chrono::steady_clock::now();
    // Throttled to ~10/s, but the last update of a known-size transfer always gets through.
    const bool final_update = total > 0 && done == total && done != ex->last_done;
    if (final_update || now - ex->last_report >= std::chrono::milliseconds(100)) {
      ex->last_report = now;
      ex->last_done = done;
      ex->request->on_transfer(done, total);
    }
  }
  return 0;
}

// Errors where libcurl never got a connection: the server cannot have seen the request.
bool never_connected(CURLcode code) {
  return code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_RESOLVE_PROXY ||
         code == CURLE_COULDNT_CONNECT || code == CURLE_SSL_CONNECT_ERROR ||
         code == CURLE_PEER_FAILED_VERIFICATION;
}

bool host_allowed(const std::string& key, const std::string& scheme, const std::string& origin_key,
                  const std::vector<std::string>& allowed) {
  if (key == origin_key) return true;
  return std::any_of(allowed.begin(), allowed.end(),
                     [&](const std::string& h) { return host_key_of(h, scheme) == key; });
}

}  // namespace

struct HttpClient::Impl {
  CURL* curl = nullptr;

  HttpResponse attempt(const HttpRequest& request, const std::string& method, const std::string& url,
                       bool send_body, bool send_auth) {
    curl_easy_reset(curl);
    Exchange ex;
    ex.request = &request;
    ex.response.final_url = url;
    char error[CURL_ERROR_SIZE] = {0};
    CurlList headers;
    for (const auto& h : request.headers.entries()) headers.add(h.name + ": " + h.value);
    if (send_auth)
      for (const auto& h : request.auth_headers.entries()) headers.add(h.name + ": " + h.value);
    headers.add("Expect:");  // no 100-continue round trip before uploads
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, HttpClient::user_agent().c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, request.connect_timeout_s);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, request.timeout_s);
    if (request.idle_timeout_s > 0) {
      curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
      curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, request.idle_timeout_s);
    }
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &ex);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &ex);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &ex);
    if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    if (send_body && request.body_file) {
      ex.upload.open(request.body_file->path, std::ios::binary);
      if (!ex.upload) throw_invalid(request.body_file->path.string() + ": cannot open for upload");
      ex.upload.seekg(static_cast<std::streamoff>(request.body_file->offset));
      ex.upload_left = request.body_file->length;
      curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt(curl, CURLOPT_READFUNCTION, on_read);
      curl_easy_setopt(curl, CURLOPT_READDATA, &ex);
      curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(request.body_file->length));
    } else if (send_body && (method == "POST" || method == "PUT" || method == "PATCH" || !request.body.empty())) {
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    }
    if (method != "GET" && method != "HEAD") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    const CURLcode code = curl_easy_perform(curl);
    if (ex.cancelled) throw Cancelled();
    if (ex.sink_error) std::rethrow_exception(ex.sink_error);
    if (code != CURLE_OK) {
      const std::string why = error[0] ? error : curl_easy_strerror(code);
      throw TransportError(method + " " + url + ": " + why, !never_connected(code));
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    ex.response.status = status;
    return std::move(ex.response);
  }
};

HttpClient::HttpClient() : impl_(std::make_unique<Impl>()) {
  global_init();
  impl_->curl = curl_easy_init();
  if (!impl_->curl) throw_environment("libcurl could not create a transfer handle");
}

HttpClient::~HttpClient() { curl_easy_cleanup(impl_->curl); }

std::string HttpClient::user_agent() { return std::string("sa3studio/") + kVersion; }

HttpResponse HttpClient::send(const HttpRequest& request) {
  const UrlParts origin = parse_url(request.url);
  const std::string origin_key = origin.host + ":" + std::to_string(origin.port);
  std::string url = request.url;
  std::string method = request.method;
  bool send_body = true;
  for (int hop = 0;; ++hop) {
    const UrlParts here = parse_url(url);
    const std::string key = here.host + ":" + std::to_string(here.port);
    const bool auth = !request.auth_headers.empty() &&
                      host_allowed(key, here.scheme, origin_key, request.authorized_hosts);
    if (auth && here.scheme != "https" && !is_loopback_host(here.host))
      throw_invalid(url + ": refusing to send credentials over plain http (use https)");
    HttpResponse response = impl_->attempt(request, method, url, send_body, auth);
    const bool redirect = response.status == 301 || response.status == 302 || response.status == 303 ||
                          response.status == 307 || response.status == 308;
    const auto location = response.headers.get("Location");
    if (!redirect || !location) return response;
    if (hop >= request.max_redirects)
      throw TransportError(request.method + " " + request.url + ": more than " +
                               std::to_string(request.max_redirects) + " redirects",
                           true);
    url = resolve_url(url, *location);
    // 303 always, and 301/302 after a POST, turn into a GET without a body (as browsers do).
    if (response.status == 303 || ((response.status == 301 || response.status == 302) && method == "POST")) {
      method = "GET";
      send_body = false;
    }
  }
}

}  // namespace sa3::net
