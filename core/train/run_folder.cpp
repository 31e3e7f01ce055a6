// SPDX-License-Identifier: GPL-3.0-or-later
// Run folders: lock, status, events and checkpoint bookkeeping.
#include "train/run_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>

#include "base/atomic_file.h"
#include "sa3/error.h"
#include "train/training_checkpoint.h"

namespace sa3 {
namespace {

constexpr const char* kStepPrefix = "step-";

std::optional<int64_t> step_of(const std::filesystem::path& dir) {
  const auto name = dir.filename().string();
  if (name.rfind(kStepPrefix, 0) != 0 || name.size() <= 5) return std::nullopt;
  const auto digits = name.substr(5);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(digits);
}

}  // namespace

std::string iso_time_now() {
  const auto now = std::chrono::system_clock::now();
  const auto secs = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

RunFolder RunFolder::open(const std::filesystem::path& dir, bool create) {
  std::error_code ec;
  if (create) {
    std::filesystem::create_directories(dir / "checkpoints", ec);
    if (ec) throw_environment(dir.string() + ": cannot create the run folder (" + ec.message() + ")");
  } else if (!std::filesystem::is_directory(dir)) {
    throw_invalid(dir.string() + ": no such run folder");
  }
  const auto lock_path = dir / "run.lock";
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw_environment(lock_path.string() + ": cannot open (" + std::strerror(errno) + ")");
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    throw_invalid(dir.string() + ": another process is driving this run (run.lock is held)");
  }
  return RunFolder(dir, fd);
}

RunFolder::RunFolder(RunFolder&& other) noexcept : dir_(std::move(other.dir_)), lock_fd_(other.lock_fd_) {
  other.lock_fd_ = -1;
}

RunFolder::~RunFolder() {
  if (lock_fd_ >= 0) {
    ::flock(lock_fd_, LOCK_UN);
    ::close(lock_fd_);
  }
}

void RunFolder::write_job(const std::string& json_text) const { write_file_atomic(job_path(), json_text); }

void RunFolder::write_status(RunStatus s) const {
  s.updated = iso_time_now();
  nlohmann::ordered_json j;
  j["status"] = s.status;
  j["kind"] = s.kind;
  j["model"] = s.model;
  j["device"] = s.device;
  j["started"] = s.started;
  j["updated"] = s.updated;
  j["step"] = s.step;
  j["total_steps"] = s.total_steps;
  j["final_loss"] = s.final_loss ? nlohmann::ordered_json(*s.final_loss) : nlohmann::ordered_json();
  j["error"] = s.error.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.error);
  write_file_atomic(dir_ / "run.json", j.dump(2) + "\n");
}

RunStatus RunFolder::read_status() const {
  const auto path = dir_ / "run.json";
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(read_file(path));
  } catch (const nlohmann::json::exception& e) {
    throw_invalid(path.string() + ": not valid JSON (" + e.what() + ")");
  }
  RunStatus s;
  s.status = j.value("status", "");
  s.kind = j.value("kind", "local");
  s.model = j.value("model", "");
  s.device = j.value("device", "");
  s.started = j.value("started", "");
  s.updated = j.value("updated", "");
  s.step = j.value("step", int64_t{0});
  s.total_steps = j.value("total_steps", int64_t{0});
  if (j.contains("final_loss") && j["final_loss"].is_number()) s.final_loss = j["final_loss"].get<double>();
  if (j.contains("error") && j["error"].is_string()) s.error = j["error"].get<std::string>();
  return s;
}

void RunFolder::append_event(nlohmann::ordered_json event) const {
  if (!event.contains("time")) event["time"] = iso_time_now();
  const auto path = dir_ / "progress.jsonl";
  std::ofstream out(path, std::ios::app | std::ios::binary);
  out << event.dump() << '\n';
  out.flush();
  if (!out) throw_environment(path.string() + ": cannot append a progress event (disk full?)");
}

std::filesystem::path RunFolder::checkpoint_dir(int64_t step) const {
  char name[32];
  std::snprintf(name, sizeof name, "%s%06lld", kStepPrefix, static_cast<long long>(step));
  return dir_ / "checkpoints" / name;
}

std::vector<std::pair<int64_t, std::filesystem::path>> RunFolder::checkpoints() const {
  std::vector<std::pair<int64_t, std::filesystem::path>> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "checkpoints", ec)) {
    const auto step = step_of(entry.path());
    if (step && checkpoint_complete(entry.path())) out.emplace_back(*step, entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void RunFolder::prune_checkpoints(int keep) const {
  const auto complete = checkpoints();
  if (complete.empty()) return;
  const size_t drop = complete.size() > static_cast<size_t>(keep) ? complete.size() - keep : 0;
  const int64_t oldest_kept = complete[drop].first;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "checkpoints", ec)) {
    const auto step = step_of(entry.path());
    if (step && *step < oldest_kept) std::filesystem::remove_all(entry.path(), ec);
  }
}

}  // namespace sa3
