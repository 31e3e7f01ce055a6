// SPDX-License-Identifier: GPL-3.0-or-later
// Hashing files of many GiB (models, resumed downloads): cancellable, reporting bytes as they
// are read. Also the git blob id, which is all the Hugging Face hub announces for files not
// stored in LFS (configs, tokenizers).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/sha256.h"
#include "sa3/job_control.h"

namespace sa3 {

// Passes the whole file to `consume` in chunks of 1 MiB, checking the JobControl between chunks
// (throws sa3::Cancelled). Throws sa3::Error (Environment) naming the file when it cannot be read.
void read_file_chunks(const std::filesystem::path& path, const JobControl& job,
                      const std::function<void(const char* data, std::size_t size)>& consume);

// on_bytes(n) after each chunk hashed.
std::string sha256_file_hex(const std::filesystem::path& path, const JobControl& job,
                            const std::function<void(std::uint64_t)>& on_bytes);

// git's object id of a file's content: sha1("blob <size>\0" + content), lowercase hex.
class GitBlobSha1 {
 public:
  explicit GitBlobSha1(std::uint64_t size);
  ~GitBlobSha1();
  GitBlobSha1(const GitBlobSha1&) = delete;
  GitBlobSha1& operator=(const GitBlobSha1&) = delete;
  void update(const void* data, std::size_t size);
  std::string hex_digest();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// A file's SHA-256 and, when its size is given up front, its git blob id, fed the same bytes.
// reset() starts both over (a download that has to begin again).
class ContentHashes {
 public:
  explicit ContentHashes(std::optional<std::uint64_t> git_blob_size);
  ~ContentHashes();
  void reset();
  void update(const char* data, std::size_t size);
  // Each finishes its hash; call once, after the last update().
  std::string sha256_hex();
  std::string git_blob_id();  // throws sa3::Error (Internal) when no size was given

 private:
  std::optional<std::uint64_t> git_blob_size_;
  std::unique_ptr<Sha256> sha256_;
  std::unique_ptr<GitBlobSha1> git_;
};

}  // namespace sa3
