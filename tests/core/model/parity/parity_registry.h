// SPDX-License-Identifier: GPL-3.0-or-later
// Checkers for parity fixtures, one per `kind`, registered by a static object in the file
// tests/core/model/parity/<kind>_parity.cpp (or its owner's equivalent):
//
//   namespace { void check(const sa3::test::ParityFixture& f) { ... EXPECT_TRUE(...); } }
//   static sa3::test::ParityCheckerRegistrar registrar("dit", check);
//
// parity_test registers one gtest per fixture file and calls the checker for the file's kind;
// a file whose kind has no checker is skipped, naming the kind.
#pragma once

#include <functional>
#include <string>

#include "parity/parity_fixture.h"

namespace sa3::test {

using ParityChecker = std::function<void(const ParityFixture&)>;

// nullptr when no checker handles `kind`.
const ParityChecker* find_parity_checker(const std::string& kind);

class ParityCheckerRegistrar {
 public:
  ParityCheckerRegistrar(std::string kind, ParityChecker checker);
};

}  // namespace sa3::test
