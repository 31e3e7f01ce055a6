// SPDX-License-Identifier: GPL-3.0-or-later
// A memory mapping of a whole file: read through bytes(); writes through the pointer land in
// private copy-on-write pages and never reach the file.
// Ownership: the mapping lives as long as the object; share it through shared_ptr so that
// tensors viewing its bytes keep it alive. Threading: immutable after construction.
// Errors: the constructor throws sa3::Error (InvalidInput) naming the path and the reason.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>

namespace sa3 {

class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::span<const std::byte> bytes() const { return {data_, size_}; }
  std::size_t size() const { return size_; }

 private:
  std::filesystem::path path_;
  const std::byte* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace sa3
