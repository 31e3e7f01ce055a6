// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the sa3 executable and checks its exit status and output.
#include <gtest/gtest.h>

#include <string>

#include "sa3/version.h"
#include "test_support.h"

namespace {

sa3::test::CommandResult run(const std::string& args) {
  return sa3::test::run_command(std::string(SA3_CLI) + " " + args);
}

TEST(Cli, Version_PrintsProjectVersion) {
  const auto r = run("--version");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.output, std::string("sa3 ") + sa3::kVersion + "\n");
}

TEST(Cli, Help_ListsUsageAndExitsZero) {
  const auto r = run("--help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.output.find("Usage: sa3 <command>"), std::string::npos);
}

TEST(Cli, UnknownCommand_ExitsTwoNamingIt) {
  const auto r = run("frobnicate");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("unknown command 'frobnicate'"), std::string::npos);
}

}  // namespace
