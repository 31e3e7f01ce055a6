// SPDX-License-Identifier: GPL-3.0-or-later
// A fake Hugging Face hub on 127.0.0.1 for download tests: the tree API and resolve URLs on one
// port, LFS files redirected to a second "CDN" port (as huggingface.co does), every request's
// headers recorded, and knobs for gating, dropped connections and corrupt bytes.
// Also the generator of the tiny model repo it serves.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sa3::test {

struct RepoFile {
  std::string path;
  std::string content;
  bool lfs = false;  // LFS files are announced with their sha256 and served by the CDN
};

// A tiny Stable Audio 3 repo in Hugging Face layout (a few hundred KiB): two small but valid
// safetensors files, the configs, a tokenizer blob and a README.
std::vector<RepoFile> tiny_model_repo();
// Writes the repo's files under `folder`, as another tool would have.
void write_repo(const std::filesystem::path& folder, const std::vector<RepoFile>& files);

// git's blob id of `content`, computed independently of the code under test.
std::string git_blob_id(const std::string& content);

struct SeenRequest {
  std::string path;
  std::string authorization;  // empty when absent
  std::string range;          // empty when absent
};

class FakeHub {
 public:
  FakeHub(std::string repo, std::vector<RepoFile> files);
  ~FakeHub();
  FakeHub(const FakeHub&) = delete;
  FakeHub& operator=(const FakeHub&) = delete;

  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(hub_port_); }

  // Hub answers 401 without this bearer token and 403 with a different one.
  void require_token(const std::string& token);
  // The first CDN response for `path` closes the connection after `bytes` bytes of its body.
  void cut_after(const std::string& path, std::size_t bytes);
  // The CDN serves `path` with the byte at `offset` flipped.
  void corrupt_byte(const std::string& path, std::size_t offset);
  // The tree API answers `entries` entries per page, linking the next page with a
  // `Link: <url>; rel="next"` header and a `cursor` query parameter, as huggingface.co does.
  void paginate(std::size_t entries);

  std::vector<SeenRequest> hub_requests() const;
  std::vector<SeenRequest> cdn_requests() const;

 private:
  void serve_tree(const httplib::Request& request, httplib::Response& response);
  void serve_resolve(const httplib::Request& request, httplib::Response& response);
  void serve_cdn(const httplib::Request& request, httplib::Response& response);
  bool authorized(const httplib::Request& request, httplib::Response& response);
  const RepoFile* find(const std::string& path) const;

  std::string repo_;
  std::vector<RepoFile> files_;
  httplib::Server hub_, cdn_;
  int hub_port_ = 0, cdn_port_ = 0;
  std::thread hub_thread_, cdn_thread_;
  mutable std::mutex mutex_;
  std::string token_;
  std::map<std::string, std::size_t> cuts_;
  std::map<std::string, std::size_t> corruptions_;
  std::size_t page_size_ = 0;
  std::vector<SeenRequest> hub_seen_, cdn_seen_;
};

}  // namespace sa3::test
