// SPDX-License-Identifier: GPL-3.0-or-later
// Run folders: lock, status, events and checkpoint bookkeeping.
#include "train/run_folder.h"

#include <algorithm>

#include "base/atomic_file.h"
#include "job/run_folder.h"
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

RunFolder RunFolder::open(const std::filesystem::path& dir, bool create) {
  std::error_code ec;
  if (create) {
    std::filesystem::create_directories(dir / "checkpoints", ec);
    if (ec) throw_environment(dir.string() + ": cannot create the run folder (" + ec.message() + ")");
  } else if (!std::filesystem::is_directory(dir)) {
    throw_invalid(dir.string() + ": no such run folder");
  }
  return RunFolder(dir, std::make_unique<RunLock>(dir));
}

void RunFolder::write_job(const std::string& json_text) const { write_file_atomic(job_path(), json_text); }

void RunFolder::write_status(RunStatus s) const {
  s.updated_at = iso8601_utc_now();
  nlohmann::ordered_json j;
  j["status"] = s.status;
  j["kind"] = s.kind;
  j["model"] = s.model;
  j["device"] = s.device;
  j["created_at"] = s.created_at;
  j["updated_at"] = s.updated_at;
  j["step"] = s.step;
  j["total_steps"] = s.total_steps;
  j["final_loss"] = s.final_loss ? nlohmann::ordered_json(*s.final_loss) : nlohmann::ordered_json();
  j["error"] = s.error.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.error);
  write_run_json(dir_, j);
}

RunStatus RunFolder::read_status() const {
  const auto j = read_run_json(dir_);
  RunStatus s;
  s.status = j.value("status", "");
  s.kind = j.value("kind", "local");
  s.model = j.value("model", "");
  s.device = j.value("device", "");
  s.created_at = j.value("created_at", "");
  s.updated_at = j.value("updated_at", "");
  s.step = j.value("step", int64_t{0});
  s.total_steps = j.value("total_steps", int64_t{0});
  if (j.contains("final_loss") && j["final_loss"].is_number()) s.final_loss = j["final_loss"].get<double>();
  if (j.contains("error") && j["error"].is_string()) s.error = j["error"].get<std::string>();
  return s;
}

nlohmann::ordered_json RunFolder::append_event(nlohmann::ordered_json event) const {
  return nlohmann::ordered_json::parse(append_progress_event(dir_, std::move(event)));
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
