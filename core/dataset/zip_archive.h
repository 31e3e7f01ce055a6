// SPDX-License-Identifier: GPL-3.0-or-later
// ZipArchive: an owned libzip handle, discarded unless committed; errors name the archive.
// Ownership: owns the zip_t. Threading: one object per thread.
#pragma once

#include <filesystem>
#include <string>

struct zip;

namespace sa3::dataset {

class ZipArchive {
 public:
  // `flags` are zip_open's (ZIP_RDONLY, ZIP_CREATE | ZIP_TRUNCATE, ...).
  ZipArchive(const std::filesystem::path& path, int flags);
  ~ZipArchive();  // discards unwritten changes
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  zip* get() const { return zip_; }
  const std::filesystem::path& path() const { return path_; }
  // Writes the archive (zip_close); throws sa3::Error (Environment) naming it on failure.
  void commit();
  // Throws sa3::Error of `kind` with libzip's last error: "<path>: <what> (<reason>)".
  [[noreturn]] void fail(const std::string& what, bool environment = false) const;

 private:
  std::filesystem::path path_;
  zip* zip_ = nullptr;
};

}  // namespace sa3::dataset
