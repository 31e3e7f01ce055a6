// SPDX-License-Identifier: GPL-3.0-or-later
// flock-based folder lock.
#include "download_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sa3/error.h"

namespace sa3 {

DownloadLock::DownloadLock(const std::filesystem::path& model_folder) {
  const std::filesystem::path path = model_folder / kDownloadLockName;
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw_environment(path.string() + ": cannot create the download lock (" + std::strerror(errno) + ")");
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    if (error == EWOULDBLOCK)
      throw_environment(model_folder.string() +
                        ": another download into this folder is running (the studio or another sa3); wait for it "
                        "to finish or stop it first");
    throw_environment(path.string() + ": cannot lock (" + std::strerror(error) + ")");
  }
}

DownloadLock::~DownloadLock() { ::close(fd_); }

}  // namespace sa3
