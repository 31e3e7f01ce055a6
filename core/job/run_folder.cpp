// SPDX-License-Identifier: GPL-3.0-or-later
// run.json, progress.jsonl and run.lock.
#include "job/run_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <ctime>
#include <fstream>
#include <system_error>

#include "base/atomic_file.h"
#include "sa3/error.h"

namespace sa3 {

namespace fs = std::filesystem;

std::string iso8601_utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t secs = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

std::string append_progress_event(const fs::path& run_dir, nlohmann::ordered_json event) {
  if (!event.contains("time")) {
    // `event` first, then `time`, as in the contract's examples.
    nlohmann::ordered_json ordered;
    ordered["event"] = event.value("event", "");
    ordered["time"] = iso8601_utc_now();
    for (auto it = event.begin(); it != event.end(); ++it)
      if (it.key() != "event") ordered[it.key()] = it.value();
    event = std::move(ordered);
  }
  const std::string line = event.dump();
  const fs::path path = run_dir / "progress.jsonl";
  std::ofstream out(path, std::ios::app | std::ios::binary);
  out << line << '\n';
  out.flush();
  if (!out) throw_environment(path.string() + ": cannot append a progress event");
  return line;
}

std::vector<nlohmann::json> read_progress_events(const fs::path& run_dir) {
  std::vector<nlohmann::json> events;
  std::ifstream in(run_dir / "progress.jsonl", std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (in.eof()) break;  // no newline: a torn write
    auto value = nlohmann::json::parse(line, nullptr, false);
    if (!value.is_discarded()) events.push_back(std::move(value));
  }
  return events;
}

void write_run_json(const fs::path& run_dir, const nlohmann::ordered_json& run) {
  write_file_atomic(run_dir / "run.json", run.dump(2) + "\n");
}

nlohmann::json read_run_json(const fs::path& run_dir) {
  const fs::path path = run_dir / "run.json";
  auto value = nlohmann::json::parse(read_file(path), nullptr, false);
  if (value.is_discarded() || !value.is_object()) throw_invalid(path.string() + ": not a JSON object");
  return value;
}

RunLock::RunLock(const fs::path& run_dir) {
  const fs::path path = run_dir / "run.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw_environment(path.string() + ": cannot open (" + std::generic_category().message(errno) + ")");
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw_invalid(run_dir.string() + ": another process is driving this run (" + path.filename().string() + " is locked)");
  }
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace sa3
