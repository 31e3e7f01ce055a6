// SPDX-License-Identifier: GPL-3.0-or-later
// XDG data locations.
#include "sa3/paths.h"

#include <cstdlib>

namespace sa3 {

std::filesystem::path data_dir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "sa3studio";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "sa3studio";
}

std::filesystem::path default_models_dir() { return data_dir() / "models"; }
std::filesystem::path default_runs_dir() { return data_dir() / "runs"; }

}  // namespace sa3
