// SPDX-License-Identifier: GPL-3.0-or-later
// Temp file + fsync + rename, written incrementally.
#include "io/streamed_atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "sa3/error.h"

namespace sa3 {

StreamedAtomicFile::StreamedAtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  std::random_device rd;
  temp_ = target_.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0) fail("creating a temporary file", errno);
}

StreamedAtomicFile::~StreamedAtomicFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_.c_str());
  }
}

void StreamedAtomicFile::fail(const char* what, int err) {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_.c_str());
    fd_ = -1;
  }
  throw_environment(target_.string() + ": " + what + " failed (" + std::strerror(err) + ")");
}

void StreamedAtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) throw_internal(target_.string() + ": write after commit or failure");
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("writing", errno);
    }
    written += static_cast<std::size_t>(n);
  }
}

void StreamedAtomicFile::commit() {
  if (fd_ < 0) throw_internal(target_.string() + ": commit after commit or failure");
  if (::fsync(fd_) != 0) fail("flushing to disk", errno);
  if (::close(fd_) != 0) {
    const int err = errno;
    fd_ = -1;
    ::unlink(temp_.c_str());
    throw_environment(target_.string() + ": closing failed (" + std::strerror(err) + ")");
  }
  fd_ = -1;
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp_.c_str());
    throw_environment(target_.string() + ": renaming the temporary file into place failed (" +
                      std::strerror(err) + ")");
  }
  const auto dir = target_.parent_path().empty() ? std::filesystem::path(".") : target_.parent_path();
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace sa3
