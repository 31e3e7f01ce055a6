// SPDX-License-Identifier: GPL-3.0-or-later
// An exclusive lock on a model folder for the length of a download, so the studio and the CLI
// (or two studio windows) never append to the same `.part` file. flock(2): released by the
// kernel when the process dies, so a crash never leaves a stale lock.
#pragma once

#include <filesystem>

namespace sa3 {

inline constexpr const char* kDownloadLockName = ".sa3-download.lock";

class DownloadLock {
 public:
  // Throws sa3::Error (Environment) naming the folder when another process holds the lock.
  explicit DownloadLock(const std::filesystem::path& model_folder);
  ~DownloadLock();
  DownloadLock(const DownloadLock&) = delete;
  DownloadLock& operator=(const DownloadLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace sa3
