// SPDX-License-Identifier: GPL-3.0-or-later
// ZipArchive: RAII around libzip's zip_open / zip_close / zip_discard.
#include "zip_archive.h"

#include <zip.h>

#include "sa3/error.h"

namespace sa3::dataset {

ZipArchive::ZipArchive(const std::filesystem::path& path, int flags) : path_(path) {
  int code = 0;
  zip_ = zip_open(path.c_str(), flags, &code);
  if (!zip_) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    const bool reading = (flags & ZIP_CREATE) == 0;
    const std::string message = path.string() + ": cannot " + (reading ? "open zip archive" : "create zip archive") + " (" + reason + ")";
    if (reading && code != ZIP_ER_OPEN && code != ZIP_ER_READ && code != ZIP_ER_MEMORY) throw_invalid(message);
    throw_environment(message);
  }
}

ZipArchive::~ZipArchive() {
  if (zip_) zip_discard(zip_);
}

void ZipArchive::commit() {
  if (zip_close(zip_) != 0) fail("cannot write zip archive", true);
  zip_ = nullptr;
}

void ZipArchive::fail(const std::string& what, bool environment) const {
  const std::string message = path_.string() + ": " + what + " (" + zip_strerror(zip_) + ")";
  if (environment) throw_environment(message);
  throw_invalid(message);
}

}  // namespace sa3::dataset
