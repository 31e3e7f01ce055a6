// SPDX-License-Identifier: GPL-3.0-or-later
// Downloads one model repo into <models>/<id>/ (see download_model in sa3/hub.h for the
// contract): hub listing, disk-space check, resumable transfers to `.part` files, hash check,
// atomic rename, download record.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "download_record.h"
#include "hub_listing.h"
#include "net/http_client.h"
#include "sa3/hub.h"
#include "transfer_meter.h"

namespace sa3 {

class ModelDownloader {
 public:
  // Borrows every argument for the lifetime of the object.
  ModelDownloader(const std::filesystem::path& models_dir, const ModelInfo& info, const DownloadOptions& options,
                  JobControl& job);

  // Throws sa3::Error naming the repo, URL or file; sa3::Cancelled when the job is cancelled.
  void run();

 private:
  std::vector<RemoteFile> list_repo_files();
  // True when the file on disk already has the announced content (hashing it when the record
  // cannot vouch for it); removes it when it does not.
  bool already_in_place(const RemoteFile& file);
  void check_disk_space(const std::vector<RemoteFile>& to_fetch) const;
  void fetch(const RemoteFile& file);
  net::HttpRequest hub_request(const std::string& url) const;
  void report(const std::string& file, bool force);

  std::filesystem::path folder_;
  const ModelInfo& info_;
  const DownloadOptions& options_;
  JobControl& job_;
  net::HttpClient client_;
  DownloadRecord record_;
  TransferMeter meter_;
  std::uint64_t done_ = 0;
  std::uint64_t total_ = 0;
  TransferMeter::Clock::time_point last_report_{};
};

// The message for a 401/403 from the hub: the repo is gated, what the user has to do.
std::string gated_repo_message(long status, const std::string& endpoint, const std::string& repo, bool has_token);

}  // namespace sa3
