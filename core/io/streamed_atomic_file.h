// SPDX-License-Identifier: GPL-3.0-or-later
// An atomically replaced file written in pieces: bytes go to a sibling temp file, commit()
// fsyncs and renames it over the target. For outputs too large to build in memory first
// (model weights); small files use write_file_atomic from base/atomic_file.h.
// Ownership: owns the temp file; destroying it without commit() removes the temp file and
// leaves any old target untouched. Errors: sa3::Error (Environment) naming the target path.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace sa3 {

class StreamedAtomicFile {
 public:
  explicit StreamedAtomicFile(std::filesystem::path target);
  ~StreamedAtomicFile();
  StreamedAtomicFile(const StreamedAtomicFile&) = delete;
  StreamedAtomicFile& operator=(const StreamedAtomicFile&) = delete;

  void write(std::string_view bytes);
  void commit();

 private:
  [[noreturn]] void fail(const char* what, int err);

  std::filesystem::path target_;
  std::string temp_;
  int fd_ = -1;
};

}  // namespace sa3
