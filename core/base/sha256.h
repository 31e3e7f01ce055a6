// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-256 of bytes, streams and files (OpenSSL's libcrypto), as lowercase hex.
// Used for dataset duplicate detection, cache keys and verifying Hugging Face LFS files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace sa3 {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const void* data, size_t size);
  void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
  std::string hex_digest();  // finishes the hash; the object must not be updated afterwards

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::string sha256_hex(std::string_view bytes);
// Throws sa3::Error (InvalidInput) naming the file when it cannot be read.
std::string sha256_file_hex(const std::filesystem::path& path);

}  // namespace sa3
