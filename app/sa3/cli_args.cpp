// SPDX-License-Identifier: GPL-3.0-or-later
// Argument parsing for sa3 subcommands.
#include "cli_args.h"

namespace sa3::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& flags,
           const std::set<std::string>& options) {
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.size() < 2 || a.rfind("--", 0) != 0) {
      if (a.size() > 1 && a[0] == '-' && a != "-") {
        // Single-dash short options: only "-o" (output) is common enough to accept.
        if (a == "-o" && options.count("--out")) {
          if (i + 1 >= argv.size()) throw UsageError("-o needs a value");
          options_["--out"] = argv[++i];
          continue;
        }
        throw UsageError("unknown option " + a);
      }
      positionals_.push_back(a);
      continue;
    }
    std::string name = a;
    std::optional<std::string> value;
    if (const auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
    }
    if (flags.count(name)) {
      if (value) throw UsageError(name + " takes no value");
      flags_.insert(name);
    } else if (options.count(name)) {
      if (!value) {
        if (i + 1 >= argv.size()) throw UsageError(name + " needs a value");
        value = argv[++i];
      }
      options_[name] = *value;
    } else {
      throw UsageError("unknown option " + name);
    }
  }
}

std::optional<std::string> Args::option(const std::string& name) const {
  const auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

std::string Args::option_or(const std::string& name, const std::string& fallback) const {
  return option(name).value_or(fallback);
}

std::string Args::required_option(const std::string& name) const {
  if (auto v = option(name)) return *v;
  throw UsageError("missing required option " + name);
}

void Args::expect_positionals(size_t min, size_t max) const {
  if (positionals_.size() < min) throw UsageError("missing argument");
  if (positionals_.size() > max) throw UsageError("unexpected argument " + positionals_[max]);
}

}  // namespace sa3::cli
