// SPDX-License-Identifier: GPL-3.0-or-later
// Minimal argument parsing for the sa3 subcommands: positionals, `--flag`, `--key value`
// and `--key=value`. A subcommand declares what it accepts; anything else is a usage error
// (exit status 2) naming the argument.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace sa3::cli {

// Exit statuses shared by every subcommand (spec/contracts.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitStopped = 130;

// Thrown for bad usage; main prints it with the subcommand's usage and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Args {
 public:
  // `flags` take no value (e.g. "--remote"); `options` take one (e.g. "--out").
  Args(const std::vector<std::string>& argv, const std::set<std::string>& flags,
       const std::set<std::string>& options);

  const std::vector<std::string>& positionals() const { return positionals_; }
  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  std::optional<std::string> option(const std::string& name) const;
  std::string option_or(const std::string& name, const std::string& fallback) const;
  std::string required_option(const std::string& name) const;  // throws UsageError
  // Throws UsageError unless there are between min and max positionals.
  void expect_positionals(size_t min, size_t max) const;

 private:
  std::vector<std::string> positionals_;
  std::set<std::string> flags_;
  std::map<std::string, std::string> options_;
};

// A subcommand group (`sa3 dataset ...`): its name, a one-line summary, its usage text and entry.
struct CommandGroup {
  const char* name;
  const char* summary;
  const char* usage;
  int (*run)(const std::vector<std::string>& args);  // args exclude "sa3" and the group name
};

}  // namespace sa3::cli
