// SPDX-License-Identifier: GPL-3.0-or-later
// Resumable, verified, atomic downloads.
#include "net/file_download.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <system_error>

#include "base/sha256.h"

namespace sa3::net {
namespace {

namespace fs = std::filesystem;

// A POSIX file so the finished download can be fsynced before the rename.
class PartFile {
 public:
  ~PartFile() { close(); }
  void open(const fs::path& path, bool append) {
    close();
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0644);
    if (fd_ < 0) throw_environment(path.string() + ": cannot write (" + std::generic_category().message(errno) + ")");
    path_ = path;
  }
  bool is_open() const { return fd_ >= 0; }
  void write(const char* data, size_t size) {
    while (size > 0) {
      const ssize_t n = ::write(fd_, data, size);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw_environment(path_.string() + ": write failed (" + std::generic_category().message(errno) + ")");
      }
      data += n;
      size -= static_cast<size_t>(n);
    }
  }
  void sync() {
    if (fd_ >= 0 && ::fsync(fd_) != 0)
      throw_environment(path_.string() + ": fsync failed (" + std::generic_category().message(errno) + ")");
  }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  fs::path path_;
};

std::uint64_t size_or_zero(const fs::path& p) {
  std::error_code ec;
  const auto n = fs::file_size(p, ec);
  return ec ? 0 : n;
}

std::string status_message(const std::string& url, const HttpResponse& r) {
  std::string msg = "download " + redact_url(url) + ": HTTP " + std::to_string(r.status);
  if (!r.body.empty() && r.body.size() < 400) msg += " (" + r.body + ")";
  return msg;
}

void verify(const DownloadRequest& request, const fs::path& part) {
  const std::uint64_t got = size_or_zero(part);
  if (request.expected_size && got != *request.expected_size) {
    fs::remove(part);
    throw_environment("download " + redact_url(request.url) + ": got " + std::to_string(got) + " bytes, expected " +
                      std::to_string(*request.expected_size));
  }
  if (request.expected_sha256) {
    const std::string hash = sha256_file_hex(part);
    if (hash != *request.expected_sha256) {
      fs::remove(part);
      throw_environment("download " + redact_url(request.url) + ": SHA-256 " + hash + " does not match the expected " +
                        *request.expected_sha256);
    }
  }
}

}  // namespace

fs::path part_path(const fs::path& destination) {
  fs::path p = destination;
  p += ".part";
  return p;
}

std::string redact_url(const std::string& url) {
  const size_t cut = url.find_first_of("?#");
  return cut == std::string::npos ? url : url.substr(0, cut);
}

DownloadResult download_file(HttpClient& client, const DownloadRequest& request) {
  const fs::path part = part_path(request.destination);
  if (request.destination.has_parent_path()) fs::create_directories(request.destination.parent_path());
  if (!request.resume) fs::remove(part);
  DownloadResult result;
  result.resumed_from = size_or_zero(part);
  if (request.expected_size && result.resumed_from > *request.expected_size) {
    fs::remove(part);
    result.resumed_from = 0;
  }

  PartFile file;
  std::uint64_t offset = 0;
  HttpRequest http;
  http.url = request.url;
  http.headers = request.headers;
  http.auth_headers = request.auth_headers;
  http.authorized_hosts = request.authorized_hosts;
  http.control = request.control;
  http.timeout_s = 0;  // large files: only the idle guard applies
  http.on_response_start = [&](long status, const Headers&) {
    // 206 continues the .part file; a 200 means the server ignored Range: start over.
    const bool append = status == 206 && offset > 0;
    if (!append) offset = 0;
    file.open(part, append);
  };
  http.sink = [&](const char* data, size_t size) {
    file.write(data, size);
    offset += size;
  };
  if (request.on_progress) {
    http.on_transfer = [&](std::uint64_t, std::uint64_t) {
      request.on_progress(offset, request.expected_size.value_or(0));
    };
  }

  RetryPolicy policy = request.retry;
  policy.retry_transport_errors = true;
  policy.retryable = [](const HttpResponse& r) { return r.status == 408 || r.status == 429 || r.status >= 500; };
  bool range_refused = false;
  const HttpResponse response = with_retries(
      policy,
      [&]() -> HttpResponse {
        file.close();
        offset = size_or_zero(part);
        if (request.expected_size && offset == *request.expected_size && offset > 0) {
          HttpResponse done;
          done.status = 200;
          done.final_url = request.url;
          return done;  // a previous run already received everything
        }
        http.headers.remove("Range");
        if (offset > 0) http.headers.add("Range", "bytes=" + std::to_string(offset) + "-");
        HttpResponse r = client.send(http);
        if (r.status == 416 && offset > 0 && !range_refused) {
          // The server cannot serve the rest of our .part file: start from scratch once.
          range_refused = true;
          file.close();
          fs::remove(part);
          r.status = 503;
        }
        if (r.ok() && !file.is_open()) file.open(part, offset > 0 && r.status == 206);  // empty body
        return r;
      },
      request.control);
  if (!response.ok()) {
    if (response.status >= 400 && response.status < 500) throw_invalid(status_message(request.url, response));
    throw_environment(status_message(request.url, response));
  }
  file.sync();
  file.close();
  verify(request, part);
  fs::rename(part, request.destination);
  result.bytes = size_or_zero(request.destination);
  result.final_url = redact_url(response.final_url);
  if (request.on_progress) request.on_progress(result.bytes, result.bytes);
  return result;
}

}  // namespace sa3::net
