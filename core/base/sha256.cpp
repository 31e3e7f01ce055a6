// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-256 through OpenSSL's EVP interface.
#include "sha256.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "base/evp_digest.h"
#include "sa3/error.h"

namespace sa3 {

struct Sha256::State {
  EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : state_(std::make_unique<State>()) { state_->ctx = start_digest(EVP_sha256(), "SHA-256"); }

Sha256::~Sha256() { EVP_MD_CTX_free(state_->ctx); }

void Sha256::update(const void* data, size_t size) { EVP_DigestUpdate(state_->ctx, data, size); }

std::string Sha256::hex_digest() { return finish_digest_hex(state_->ctx); }

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return h.hex_digest();
}

std::string sha256_file_hex(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_invalid(path.string() + ": cannot open for hashing (" + std::strerror(errno) + ")");
  Sha256 h;
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    h.update(buffer.data(), static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) throw_invalid(path.string() + ": read error while hashing");
  return h.hex_digest();
}

}  // namespace sa3
