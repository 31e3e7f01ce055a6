// SPDX-License-Identifier: GPL-3.0-or-later
// Chunked file hashing and git blob ids (OpenSSL EVP for SHA-1).
#include "base/file_hashing.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "base/evp_digest.h"
#include "base/sha256.h"
#include "sa3/error.h"

namespace sa3 {

void read_file_chunks(const std::filesystem::path& path, const JobControl& job,
                      const std::function<void(const char* data, std::size_t size)>& consume) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_environment(path.string() + ": cannot open for reading (" + std::strerror(errno) + ")");
  std::vector<char> buffer(1 << 20);
  while (in) {
    job.check_cancelled();
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n > 0) consume(buffer.data(), n);
  }
  if (in.bad()) throw_environment(path.string() + ": read error");
}

std::string sha256_file_hex(const std::filesystem::path& path, const JobControl& job,
                            const std::function<void(std::uint64_t)>& on_bytes) {
  Sha256 hash;
  read_file_chunks(path, job, [&](const char* data, std::size_t size) {
    hash.update(data, size);
    if (on_bytes) on_bytes(size);
  });
  return hash.hex_digest();
}

struct GitBlobSha1::State {
  EVP_MD_CTX* ctx = nullptr;
  ~State() { EVP_MD_CTX_free(ctx); }
};

GitBlobSha1::GitBlobSha1(std::uint64_t size) : state_(std::make_unique<State>()) {
  state_->ctx = start_digest(EVP_sha1(), "SHA-1");
  const std::string prefix = "blob " + std::to_string(size);
  EVP_DigestUpdate(state_->ctx, prefix.data(), prefix.size() + 1);  // with the terminating NUL
}

GitBlobSha1::~GitBlobSha1() = default;

void GitBlobSha1::update(const void* data, std::size_t size) { EVP_DigestUpdate(state_->ctx, data, size); }

std::string GitBlobSha1::hex_digest() { return finish_digest_hex(state_->ctx); }

ContentHashes::ContentHashes(std::optional<std::uint64_t> git_blob_size) : git_blob_size_(git_blob_size) { reset(); }

ContentHashes::~ContentHashes() = default;

void ContentHashes::reset() {
  sha256_ = std::make_unique<Sha256>();
  git_.reset();
  if (git_blob_size_) git_ = std::make_unique<GitBlobSha1>(*git_blob_size_);
}

void ContentHashes::update(const char* data, std::size_t size) {
  sha256_->update(data, size);
  if (git_) git_->update(data, size);
}

std::string ContentHashes::sha256_hex() { return sha256_->hex_digest(); }

std::string ContentHashes::git_blob_id() {
  if (!git_) throw_internal("ContentHashes: a git blob id needs the file size up front");
  return git_->hex_digest();
}

}  // namespace sa3
