// SPDX-License-Identifier: GPL-3.0-or-later
// Resumable, verified, atomic downloads.
#include "net/file_download.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <system_error>

#include "base/file_hashing.h"

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

[[noreturn]] void throw_status(const std::string& url, const HttpResponse& r) {
  std::string msg = "download " + redact_url(url) + ": HTTP " + std::to_string(r.status);
  if (!r.body.empty() && r.body.size() < 400) msg += " (" + r.body + ")";
  const bool client_error = r.status >= 400 && r.status < 500;
  throw DownloadHttpError(client_error ? ErrorKind::InvalidInput : ErrorKind::Environment, msg, r.status);
}

// "bytes 100-999/1000" -> 100
std::uint64_t content_range_start(const std::string& value) {
  const size_t space = value.find(' ');
  if (space == std::string::npos) return 0;
  return std::strtoull(value.c_str() + space + 1, nullptr, 10);
}

void fail_verification(const DownloadRequest& request, const fs::path& part, const std::string& what) {
  fs::remove(part);
  throw_environment(request.destination.string() + ": the downloaded file is corrupt (" + what + ", from " +
                    redact_url(request.url) + "); it was deleted, download it again");
}

// Checks size and hashes; returns the SHA-256.
std::string verify(const DownloadRequest& request, const fs::path& part, std::uint64_t bytes, ContentHashes& hashes) {
  if (request.expected_size && bytes != *request.expected_size)
    fail_verification(request, part,
                      "got " + std::to_string(bytes) + " bytes, expected " + std::to_string(*request.expected_size));
  const std::string sha256 = hashes.sha256_hex();
  if (request.expected_sha256 && sha256 != *request.expected_sha256)
    fail_verification(request, part, "SHA-256 " + sha256 + ", expected " + *request.expected_sha256);
  if (request.expected_git_blob_id) {
    const std::string id = hashes.git_blob_id();
    if (id != *request.expected_git_blob_id)
      fail_verification(request, part, "git blob id " + id + ", expected " + *request.expected_git_blob_id);
  }
  return sha256;
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
  if (request.expected_git_blob_id && !request.expected_size)
    throw_internal("download " + redact_url(request.url) + ": a git blob id needs the expected size");
  const fs::path part = part_path(request.destination);
  if (request.destination.has_parent_path()) fs::create_directories(request.destination.parent_path());
  if (!request.resume) fs::remove(part);
  DownloadResult result;
  result.resumed_from = size_or_zero(part);
  if (request.expected_size && result.resumed_from > *request.expected_size) {
    fs::remove(part);
    result.resumed_from = 0;
  }

  // offset: bytes in the .part file, every one of them already fed to `hashes`.
  ContentHashes hashes(request.expected_git_blob_id ? request.expected_size : std::nullopt);
  std::uint64_t offset = 0;
  if (result.resumed_from > 0) {
    const JobControl never_cancelled;
    read_file_chunks(part, request.control ? *request.control : never_cancelled, [&](const char* data, size_t size) {
      hashes.update(data, size);
      offset += size;
    });
  }
  PartFile file;
  auto start_over = [&] {
    offset = 0;
    hashes.reset();
    file.open(part, false);
  };
  HttpRequest http;
  http.url = request.url;
  http.headers = request.headers;
  http.auth_headers = request.auth_headers;
  http.authorized_hosts = request.authorized_hosts;
  http.control = request.control;
  http.timeout_s = 0;  // large files: only the idle guard applies
  http.on_response_start = [&](long status, const Headers& headers) {
    if (status != 206 || offset == 0) return start_over();  // a 200 means the server ignored Range
    const auto range = headers.get("Content-Range");
    if (!range || content_range_start(*range) != offset)
      throw_environment("download " + redact_url(request.url) + ": the server resumed at the wrong offset (" +
                        range.value_or("no Content-Range") + ", asked for byte " + std::to_string(offset) + ")");
    file.open(part, true);
  };
  http.sink = [&](const char* data, size_t size) {
    if (request.expected_size && offset + size > *request.expected_size)
      throw_environment("download " + redact_url(request.url) + ": the server sent more than the " +
                        std::to_string(*request.expected_size) + " bytes expected");
    file.write(data, size);
    hashes.update(data, size);
    offset += size;
  };
  if (request.on_progress) {
    http.on_transfer = [&](std::uint64_t, std::uint64_t) {
      request.on_progress(offset, request.expected_size.value_or(0));
    };
  }

  RetryPolicy policy = request.retry;
  policy.retry_transport_errors = true;
  policy.retryable = [](const HttpResponse& r) {
    return r.status == 408 || r.status == 429 || (r.status >= 500 && r.status != 501);
  };
  bool range_refused = false;
  const auto attempt = [&]() -> HttpResponse {
    file.close();
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
      start_over();
      r.status = 503;
    }
    if (r.ok() && !file.is_open()) start_over();  // an empty body never reached on_response_start
    return r;
  };
  HttpResponse response;
  for (;;) {
    const std::uint64_t round_start = offset;
    try {
      response = with_retries(policy, attempt, request.control);
      break;
    } catch (const TransportError& e) {
      if (offset > round_start) continue;
      throw_environment("download " + redact_url(request.url) + ": failed after " + std::to_string(policy.max_attempts) +
                        " attempts (" + e.what() + "); " + part.string() + " keeps the " + std::to_string(offset) +
                        " bytes received, the next download resumes from there");
    }
  }
  if (!response.ok()) throw_status(request.url, response);
  file.sync();
  file.close();
  result.sha256 = verify(request, part, offset, hashes);
  fs::rename(part, request.destination);
  result.bytes = offset;
  result.final_url = redact_url(response.final_url);
  if (request.on_progress) request.on_progress(result.bytes, result.bytes);
  return result;
}

}  // namespace sa3::net
