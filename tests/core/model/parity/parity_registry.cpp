// SPDX-License-Identifier: GPL-3.0-or-later
// The kind -> checker table, filled during static initialisation.
#include "parity/parity_registry.h"

#include <map>
#include <stdexcept>

namespace sa3::test {
namespace {

// Function-local so registrars in other files may run before anything here is initialised.
std::map<std::string, ParityChecker>& checkers() {
  static std::map<std::string, ParityChecker> table;
  return table;
}

}  // namespace

const ParityChecker* find_parity_checker(const std::string& kind) {
  auto it = checkers().find(kind);
  return it == checkers().end() ? nullptr : &it->second;
}

ParityCheckerRegistrar::ParityCheckerRegistrar(std::string kind, ParityChecker checker) {
  if (!checkers().emplace(kind, std::move(checker)).second)
    throw std::logic_error("two parity checkers registered for kind '" + kind + "'");
}

}  // namespace sa3::test
