// SPDX-License-Identifier: GPL-3.0-or-later
// Starting and finishing OpenSSL EVP digests.
#include "base/evp_digest.h"

#include "sa3/error.h"

namespace sa3 {

EVP_MD_CTX* start_digest(const EVP_MD* md, const char* name) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (!ctx || EVP_DigestInit_ex(ctx, md, nullptr) != 1) {
    EVP_MD_CTX_free(ctx);
    throw_environment(std::string("OpenSSL: cannot initialise ") + name);
  }
  return ctx;
}

std::string finish_digest_hex(EVP_MD_CTX* ctx) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx, digest, &length);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 15]);
  }
  return out;
}

}  // namespace sa3
