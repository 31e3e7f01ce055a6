// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers every test uses: a fresh temporary folder per test and the locations of fixtures.
#pragma once

#include <filesystem>
#include <string>

namespace sa3::test {

// A new empty folder under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// SA3_PARITY_DIR from the environment, else the folder configured at build time.
std::filesystem::path parity_dir();
std::filesystem::path source_dir();
std::filesystem::path binary_dir();

struct CommandResult {
  int status;          // the exit status
  std::string output;  // stdout and stderr together
};
// Runs a shell command line and collects its output.
CommandResult run_command(const std::string& command_line);

void write_text(const std::filesystem::path& path, const std::string& text);
std::string read_text(const std::filesystem::path& path);

}  // namespace sa3::test
