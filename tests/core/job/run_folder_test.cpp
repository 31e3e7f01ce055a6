// SPDX-License-Identifier: GPL-3.0-or-later
// Run folder files: progress events with times, torn lines, run.json, the run lock.
#include "job/run_folder.h"

#include <gtest/gtest.h>

#include <fstream>

#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {
namespace {

TEST(RunFolder, AppendEvent_AddsTimeAfterEventName) {
  test::TempDir dir;
  const std::string line = append_progress_event(dir.path(), {{"event", "step"}, {"step", 3}, {"loss", 0.5}});
  EXPECT_EQ(line.rfind(R"({"event":"step","time":")", 0), 0u) << line;
  const auto events = read_progress_events(dir.path());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["step"], 3);
  EXPECT_EQ(events[0]["time"].get<std::string>().size(), std::string("2026-11-25T11:05:41.123Z").size());
}

TEST(RunFolder, TornLastLine_Skipped) {
  test::TempDir dir;
  append_progress_event(dir.path(), {{"event", "start"}, {"step", 0}});
  std::ofstream(dir / "progress.jsonl", std::ios::app) << R"({"event":"step","st)";
  EXPECT_EQ(read_progress_events(dir.path()).size(), 1u);
}

TEST(RunFolder, RunJson_RoundTripsAndNamesBadFile) {
  test::TempDir dir;
  write_run_json(dir.path(), {{"status", "running"}, {"kind", "local"}});
  EXPECT_EQ(read_run_json(dir.path())["kind"], "local");
  test::write_text(dir / "run.json", "[1,2");
  try {
    read_run_json(dir.path());
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("run.json"), std::string::npos);
  }
}

TEST(RunFolder, SecondLock_RefusedUntilFirstReleased) {
  test::TempDir dir;
  {
    const RunLock first(dir.path());
    EXPECT_THROW(RunLock second(dir.path()), Error);
  }
  EXPECT_NO_THROW(RunLock again(dir.path()));
}

}  // namespace
}  // namespace sa3
