// SPDX-License-Identifier: GPL-3.0-or-later
// The run folder's shared files (spec/contracts.md "Run folder"): run.json (rewritten
// atomically), progress.jsonl (one event per line, appended) and run.lock (flock held by the
// process driving the run). Local and remote training write them the same way.
// Errors: throw sa3::Error naming the file. Threading: one writer per run (the lock holder).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sa3 {

// "2026-11-25T11:05:41.123Z"
std::string iso8601_utc_now();

// Appends one event; adds "time" when the event has none. Returns the line written (no newline).
std::string append_progress_event(const std::filesystem::path& run_dir, nlohmann::ordered_json event);
// Every complete event line; a torn last line (a crash mid-write) is skipped.
std::vector<nlohmann::json> read_progress_events(const std::filesystem::path& run_dir);

void write_run_json(const std::filesystem::path& run_dir, const nlohmann::ordered_json& run);
// Throws sa3::Error (InvalidInput) naming the file when it is missing or not JSON.
nlohmann::json read_run_json(const std::filesystem::path& run_dir);

// Exclusive flock on <run>/run.lock for as long as the object lives. Throws sa3::Error
// (InvalidInput) when another process holds it.
class RunLock {
 public:
  explicit RunLock(const std::filesystem::path& run_dir);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace sa3
