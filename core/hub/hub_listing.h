// SPDX-License-Identifier: GPL-3.0-or-later
// The Hugging Face hub's view of a model repo: URLs of the tree API and of file downloads, and
// the file list it returns (path, size, and the hash to verify against).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sa3 {

struct RemoteFile {
  std::string path;  // repo path, '/'-separated
  std::uint64_t size = 0;
  std::string sha256;   // LFS files: the LFS oid, the sha256 of the content
  std::string git_oid;  // every file: git's blob id; the only hash of non-LFS files
};

// {endpoint}/api/models/{repo}/tree/main?recursive=true
std::string tree_url(const std::string& endpoint, const std::string& repo);
// {endpoint}/{repo}/resolve/main/{path}, each path segment percent-encoded.
std::string resolve_url(const std::string& endpoint, const std::string& repo, const std::string& path);

// Parses the tree API's JSON array; directories are skipped. Throws sa3::Error (Environment)
// naming `url` when the answer is not the expected shape.
std::vector<RemoteFile> parse_tree_listing(const std::string& body, const std::string& url);

// What a download fetches: every file an SA3 model needs (throws sa3::Error (InvalidInput)
// naming the repo and the file when one is absent, as for a repo that is not an SA3 model),
// plus small extras (READMEs, tokenizer side files) up to kMaxExtraFileBytes each; larger extras
// such as alternative precisions are left on the hub. `.gitattributes` is skipped.
inline constexpr std::uint64_t kMaxExtraFileBytes = 64ull << 20;
std::vector<RemoteFile> select_model_files(const std::vector<RemoteFile>& listing, const std::string& repo);

}  // namespace sa3
