// SPDX-License-Identifier: GPL-3.0-or-later
// Model downloads from the Hugging Face hub over sa3_net. The token rides in auth_headers, which
// HttpClient sends to the hub's host only: resolve URLs redirect to a CDN that must never see it.
#include "model_downloader.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include "base/sha256.h"
#include "download_lock.h"
#include "file_hashing.h"
#include "net/retry.h"
#include "sa3/error.h"

namespace sa3 {

namespace {

namespace fs = std::filesystem;

// A `.part` file opened for appending; flushes and fsyncs before the rename makes it final.
class PartFile {
 public:
  explicit PartFile(fs::path path) : path_(std::move(path)), file_(std::fopen(path_.c_str(), "ab")) {
    if (!file_) throw_environment(path_.string() + ": cannot open for writing (" + std::strerror(errno) + ")");
  }
  ~PartFile() {
    if (file_) std::fclose(file_);
  }
  PartFile(const PartFile&) = delete;
  PartFile& operator=(const PartFile&) = delete;

  void write(const char* data, std::size_t size) {
    if (std::fwrite(data, 1, size, file_) != size)
      throw_environment(path_.string() + ": write failed (" + std::strerror(errno) + ")");
  }
  void truncate() {
    if (std::fflush(file_) != 0 || ::ftruncate(fileno(file_), 0) != 0)
      throw_environment(path_.string() + ": cannot truncate (" + std::strerror(errno) + ")");
  }
  void flush() { std::fflush(file_); }
  void close_synced() {
    const bool ok = std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
    const int error = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!ok || !closed) throw_environment(path_.string() + ": cannot finish writing (" + std::strerror(error) + ")");
  }

 private:
  fs::path path_;
  std::FILE* file_;
};

// Both hashes a file may be checked against, fed together.
struct ContentHashes {
  explicit ContentHashes(const RemoteFile& file) {
    if (file.sha256.empty()) git.emplace(file.size);
  }
  void update(const char* data, std::size_t size) {
    sha256->update(data, size);
    if (git) git->update(data, size);
  }
  void reset(const RemoteFile& file) {
    sha256 = std::make_unique<Sha256>();
    git.reset();
    if (file.sha256.empty()) git.emplace(file.size);
  }
  std::unique_ptr<Sha256> sha256 = std::make_unique<Sha256>();
  std::optional<GitBlobSha1> git;
};

std::uint64_t size_or_zero(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

// The next page of a paginated hub listing: Link: <url>; rel="next".
std::optional<std::string> next_page(const net::HttpResponse& response) {
  const auto link = response.headers.get("Link");
  if (!link) return std::nullopt;
  const std::size_t rel = link->find("rel=\"next\"");
  if (rel == std::string::npos) return std::nullopt;
  const std::size_t open = link->rfind('<', rel);
  const std::size_t close = link->find('>', open);
  if (open == std::string::npos || close == std::string::npos || close > rel) return std::nullopt;
  return link->substr(open + 1, close - open - 1);
}

std::string hub_error(const std::string& url, const net::HttpResponse& response) {
  std::string message = url + ": HTTP " + std::to_string(response.status);
  if (const auto why = response.headers.get("X-Error-Message")) message += " (" + *why + ")";
  return message;
}

std::uint64_t content_range_start(const std::string& value) {
  // "bytes 100-999/1000"
  const std::size_t space = value.find(' ');
  if (space == std::string::npos) return 0;
  return std::strtoull(value.c_str() + space + 1, nullptr, 10);
}

constexpr int kAttemptsWithoutProgress = 5;

}  // namespace

std::string gated_repo_message(long status, const std::string& endpoint, const std::string& repo, bool has_token) {
  const std::string page = endpoint + "/" + repo;
  std::string message = repo + ": the hub refused access (HTTP " + std::to_string(status) + "). ";
  if (!has_token)
    return message + "Stable Audio 3 repos are gated: log in at " + endpoint + ", open " + page +
           " and accept the license, then create a read token at " + endpoint +
           "/settings/tokens and enter it (Models page, or HF_TOKEN for the sa3 command).";
  if (status == 401)
    return message + "The token was not accepted: check that it is valid and not expired (" + endpoint +
           "/settings/tokens).";
  return message + "Your account has no access to this repo yet: open " + page +
         " while logged in and accept the license (access can take a moment to be granted).";
}

ModelDownloader::ModelDownloader(const fs::path& models_dir, const ModelInfo& info, const DownloadOptions& options,
                                 JobControl& job)
    : folder_(models_dir / info.id), info_(info), options_(options), job_(job) {}

net::HttpRequest ModelDownloader::hub_request(const std::string& url) const {
  net::HttpRequest request;
  request.url = url;
  if (!options_.hub.token.empty()) request.auth_headers.set("Authorization", "Bearer " + options_.hub.token);
  request.control = &job_;
  return request;
}

std::vector<RemoteFile> ModelDownloader::list_repo_files() {
  std::vector<RemoteFile> listing;
  std::optional<std::string> url = tree_url(options_.hub.endpoint, info_.repo);
  net::RetryPolicy policy;
  policy.on_retry = [&](const std::string& why, std::chrono::milliseconds delay) {
    job_.log(LogLevel::Warning, "listing " + info_.repo + " failed (" + why + "); retrying in " +
                                    format_duration(static_cast<double>(delay.count()) / 1000));
  };
  while (url) {
    const net::HttpRequest request = hub_request(*url);
    const net::HttpResponse response = net::with_retries(policy, [&] { return client_.send(request); }, &job_);
    if (response.status == 401 || response.status == 403)
      throw_invalid(gated_repo_message(response.status, options_.hub.endpoint, info_.repo, !options_.hub.token.empty()));
    if (response.status == 404)
      throw_invalid(hub_error(*url, response) + ": no repo " + info_.repo + " on " + options_.hub.endpoint +
                    " (check SA3_HF_ENDPOINT)");
    if (!response.ok()) throw_environment(hub_error(*url, response));
    for (RemoteFile& f : parse_tree_listing(response.body, *url)) listing.push_back(std::move(f));
    url = next_page(response);
  }
  return select_model_files(listing, info_.repo);
}

bool ModelDownloader::already_in_place(const RemoteFile& file) {
  const fs::path target = folder_ / file.path;
  std::error_code ec;
  if (!fs::exists(target, ec)) return false;
  if (size_or_zero(target) == file.size) {
    const RecordedFile* recorded = record_.find(file.path);
    // The record vouches for LFS files it saw arrive with this very hash; small files are re-hashed.
    if (recorded && !recorded->failed_verify && !file.sha256.empty() && recorded->sha256 == file.sha256) return true;
    ContentHashes hashes(file);
    job_.log(LogLevel::Info, "checking " + target.string() + " against the hub's hash");
    read_file_chunks(target, job_, [&](const char* data, std::size_t size) { hashes.update(data, size); });
    const std::string sha256 = hashes.sha256->hex_digest();
    if (file.sha256.empty() ? hashes.git->hex_digest() == file.git_oid : sha256 == file.sha256) {
      record_.put({file.path, file.size, sha256});
      write_download_record(folder_, record_);
      return true;
    }
  }
  job_.log(LogLevel::Warning, target.string() + " differs from the hub's version; downloading it again");
  fs::remove(target, ec);
  if (ec) throw_environment(target.string() + ": cannot remove the outdated file (" + ec.message() + ")");
  return false;
}

void ModelDownloader::check_disk_space(const std::vector<RemoteFile>& to_fetch) const {
  std::uint64_t needed = 0;
  for (const RemoteFile& f : to_fetch) {
    const std::uint64_t have = size_or_zero(folder_ / (f.path + ".part"));
    needed += have <= f.size ? f.size - have : f.size;
  }
  if (needed == 0) return;
  std::uintmax_t available = 0;
  if (options_.available_space) {
    available = options_.available_space(folder_);
  } else {
    std::error_code ec;
    const fs::space_info space = fs::space(folder_, ec);
    if (ec) throw_environment(folder_.string() + ": cannot query free disk space (" + ec.message() + ")");
    available = space.available;
  }
  if (needed > available)
    throw_environment(folder_.string() + ": not enough free disk space to download " + info_.id + " (needs " +
                      format_bytes(needed) + " more, " + format_bytes(available) +
                      " free). Free some space or choose another models folder (--models DIR, or Settings).");
}

void ModelDownloader::report(const std::string& file, bool force) {
  const auto now = TransferMeter::Clock::now();
  if (!force && now - last_report_ < std::chrono::milliseconds(100)) return;
  last_report_ = now;
  meter_.sample(done_, now);
  DownloadProgress progress{file, done_, total_, meter_.bytes_per_second(), meter_.eta_seconds(total_)};
  if (options_.on_progress) options_.on_progress(progress);
  std::string what = file;
  if (progress.bytes_per_second > 0) what += ", " + format_rate(progress.bytes_per_second);
  if (progress.eta_seconds >= 0) what += ", " + format_duration(progress.eta_seconds) + " left";
  job_.progress(static_cast<double>(done_), static_cast<double>(total_), what);
}

void ModelDownloader::fetch(const RemoteFile& file) {
  const fs::path target = folder_ / file.path;
  const fs::path part = target.string() + ".part";
  const std::string url = resolve_url(options_.hub.endpoint, info_.repo, file.path);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw_environment(target.parent_path().string() + ": cannot create (" + ec.message() + ")");
  if (size_or_zero(part) > file.size) fs::remove(part, ec);

  ContentHashes hashes(file);
  std::uint64_t have = 0;
  if (fs::exists(part)) {
    job_.log(LogLevel::Info, "resuming " + file.path + " after " + format_bytes(size_or_zero(part)));
    read_file_chunks(part, job_, [&](const char* data, std::size_t size) {
      hashes.update(data, size);
      have += size;
    });
  }
  PartFile out(part);
  auto restart = [&] {
    out.truncate();
    hashes.reset(file);
    done_ -= have;
    have = 0;
  };

  net::RetryPolicy policy;
  policy.retryable = [](const net::HttpResponse& r) {
    return r.status == 408 || r.status == 429 || (r.status >= 500 && r.status != 501);
  };
  policy.on_retry = [&](const std::string& why, std::chrono::milliseconds delay) {
    out.flush();
    job_.log(LogLevel::Warning, file.path + ": " + why + "; resuming at " + format_bytes(have) + " in " +
                                    format_duration(static_cast<double>(delay.count()) / 1000));
  };
  while (have < file.size) {
    const std::uint64_t at_start = have;
    net::HttpRequest request = hub_request(url);
    request.timeout_s = 0;
    request.control = &job_;
    request.on_response_start = [&](long status, const net::Headers& headers) {
      if (status == 206) {
        const auto range = headers.get("Content-Range");
        if (!range || content_range_start(*range) != have)
          throw_environment(url + ": the server resumed at the wrong offset (" + range.value_or("no Content-Range") +
                            ", asked for byte " + std::to_string(have) + ")");
      } else if (have > 0) {
        job_.log(LogLevel::Warning, url + ": the server cannot resume; starting " + file.path + " over");
        restart();
      }
    };
    request.sink = [&](const char* data, std::size_t size) {
      if (have + size > file.size)
        throw_environment(url + ": the server sent more than the " + std::to_string(file.size) +
                          " bytes the hub announced");
      out.write(data, size);
      hashes.update(data, size);
      have += size;
      done_ += size;
      report(file.path, false);
    };
    net::HttpResponse response;
    try {
      response = net::with_retries(policy, [&] {
        if (have > 0)
          request.headers.set("Range", "bytes=" + std::to_string(have) + "-");
        else
          request.headers.remove("Range");
        net::HttpResponse r = client_.send(request);
        if (r.ok() && have < file.size)
          throw net::TransportError(url + ": connection closed after " + std::to_string(have) + " of " +
                                        std::to_string(file.size) + " bytes",
                                    true);
        return r;
      }, &job_);
    } catch (const net::TransportError& e) {
      if (have > at_start) continue;  // it moved forward: a fresh round of attempts
      throw_environment(file.path + ": download failed after " + std::to_string(policy.max_attempts) + " attempts (" +
                        e.what() + "). Run the download again to resume from " + format_bytes(have) + ".");
    }
    if (response.status == 416 && have > 0) {
      restart();
      continue;
    }
    if (response.status == 401 || response.status == 403)
      throw_invalid(gated_repo_message(response.status, options_.hub.endpoint, info_.repo, !options_.hub.token.empty()));
    if (!response.ok()) throw_environment(hub_error(url, response));
  }
  out.close_synced();

  const std::string sha256 = hashes.sha256->hex_digest();
  const std::string actual = file.sha256.empty() ? hashes.git->hex_digest() : sha256;
  const std::string expected = file.sha256.empty() ? file.git_oid : file.sha256;
  if (actual != expected) {
    fs::remove(part, ec);
    done_ -= have;
    throw_environment(target.string() + ": the downloaded file is corrupt (" +
                      (file.sha256.empty() ? "git blob id " : "sha256 ") + actual + ", the hub announced " + expected +
                      "); it was deleted. Run the download again.");
  }
  fs::rename(part, target, ec);
  if (ec) throw_environment(part.string() + ": cannot rename into place (" + ec.message() + ")");
  record_.put({file.path, file.size, sha256});
  write_download_record(folder_, record_);
  report(file.path, true);
}

void ModelDownloader::run() {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  if (ec) throw_environment(folder_.string() + ": cannot create the model folder (" + ec.message() + ")");
  const DownloadLock lock(folder_);
  const std::vector<RemoteFile> files = list_repo_files();
  record_ = read_download_record(folder_).value_or(DownloadRecord{});
  record_.repo = info_.repo;
  record_.endpoint = options_.hub.endpoint;

  std::vector<RemoteFile> to_fetch;
  for (const RemoteFile& f : files) {
    total_ += f.size;
    if (already_in_place(f)) {
      done_ += f.size;
    } else {
      done_ += std::min(size_or_zero(folder_ / (f.path + ".part")), f.size);
      to_fetch.push_back(f);
    }
  }
  check_disk_space(to_fetch);
  meter_.sample(done_);
  for (const RemoteFile& f : to_fetch) {
    job_.check_cancelled();
    fetch(f);
  }
  report(to_fetch.empty() ? std::string() : to_fetch.back().path, true);
}

}  // namespace sa3
