// SPDX-License-Identifier: GPL-3.0-or-later
// Model downloads from the Hugging Face hub over sa3_net. The token rides in auth_headers, which
// HttpClient sends to the hub's host only: resolve URLs redirect to a CDN that must never see it.
#include "model_downloader.h"

#include <algorithm>
#include <optional>

#include "base/file_hashing.h"
#include "download_lock.h"
#include "net/file_download.h"
#include "net/retry.h"
#include "sa3/error.h"

namespace sa3 {

namespace {

namespace fs = std::filesystem;

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
    ContentHashes hashes(file.sha256.empty() ? std::optional(file.size) : std::nullopt);
    job_.log(LogLevel::Info, "checking " + target.string() + " against the hub's hash");
    read_file_chunks(target, job_, [&](const char* data, std::size_t size) { hashes.update(data, size); });
    const std::string sha256 = hashes.sha256_hex();
    if (file.sha256.empty() ? hashes.git_blob_id() == file.git_oid : sha256 == file.sha256) {
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
  net::DownloadRequest request;
  request.url = resolve_url(options_.hub.endpoint, info_.repo, file.path);
  request.destination = folder_ / file.path;
  if (!options_.hub.token.empty()) request.auth_headers.set("Authorization", "Bearer " + options_.hub.token);
  request.expected_size = file.size;
  if (file.sha256.empty())
    request.expected_git_blob_id = file.git_oid;
  else
    request.expected_sha256 = file.sha256;
  request.control = &job_;
  // run() counted the bytes of a .part file from an earlier run as done.
  const std::uint64_t resumed = std::min(size_or_zero(net::part_path(request.destination)), file.size);
  const std::uint64_t done_before = done_ - resumed;
  if (resumed > 0) job_.log(LogLevel::Info, "resuming " + file.path + " after " + format_bytes(resumed));
  request.retry.on_retry = [&](const std::string& why, std::chrono::milliseconds delay) {
    job_.log(LogLevel::Warning, file.path + ": " + why + "; resuming in " +
                                    format_duration(static_cast<double>(delay.count()) / 1000));
  };
  request.on_progress = [&](std::uint64_t received, std::uint64_t) {
    done_ = done_before + received;
    report(file.path, false);
  };
  net::DownloadResult result;
  try {
    result = net::download_file(client_, request);
  } catch (const net::DownloadHttpError& e) {
    if (e.status() == 401 || e.status() == 403)
      throw_invalid(gated_repo_message(e.status(), options_.hub.endpoint, info_.repo, !options_.hub.token.empty()));
    throw;
  }
  done_ = done_before + file.size;
  record_.put({file.path, file.size, result.sha256});
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
