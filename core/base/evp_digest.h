// SPDX-License-Identifier: GPL-3.0-or-later
// OpenSSL EVP digests behind sa3_base's hashes (SHA-256, git's SHA-1 blob ids). Internal to
// sa3_base, which alone links libcrypto.
#pragma once

#include <openssl/evp.h>

#include <string>

namespace sa3 {

// A context started for `md`; throws sa3::Error (Environment) naming `name` when OpenSSL cannot.
EVP_MD_CTX* start_digest(const EVP_MD* md, const char* name);
// Finishes the digest: lowercase hex. The context must not be updated afterwards.
std::string finish_digest_hex(EVP_MD_CTX* ctx);

}  // namespace sa3
