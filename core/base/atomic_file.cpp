// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic file replacement (temp + fsync + rename) and whole-file reads.
#include "atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "sa3/error.h"

namespace sa3 {
namespace {

std::string temp_name_for(const std::filesystem::path& path) {
  std::random_device rd;
  return path.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
}

[[noreturn]] void fail(const std::filesystem::path& path, const char* what, int err) {
  throw_environment(path.string() + ": " + what + " failed (" + std::strerror(err) + ")");
}

}  // namespace

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes) {
  const std::string tmp = temp_name_for(path);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, "creating a temporary file", errno);
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      fail(path, "writing", err);
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    fail(path, "flushing to disk", err);
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail(path, "renaming the temporary file into place", err);
  }
  // Make the rename itself durable.
  const auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_invalid(path.string() + ": cannot open for reading (" + std::strerror(errno) + ")");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw_invalid(path.string() + ": read error");
  return std::move(out).str();
}

}  // namespace sa3
