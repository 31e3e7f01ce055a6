// SPDX-License-Identifier: GPL-3.0-or-later
// Run history (sa3/runs.h): summaries, loss curves and job settings read from run folders
// through the run folder functions every writer uses (job/run_folder.h).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "job/run_folder.h"
#include "base/atomic_file.h"
#include "sa3/runs.h"

namespace sa3 {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Seconds since the epoch of "2026-11-25T11:05:41.123Z"; nullopt for anything else.
std::optional<double> parse_iso8601_utc(const std::string& text) {
  std::tm tm{};
  double seconds = 0;
  if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%lf", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                  &seconds) != 6)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_sec = 0;
  return static_cast<double>(timegm(&tm)) + seconds;
}

std::string text_of(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t int_of(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<std::int64_t>() : 0;
}

void flatten(const json& value, const std::string& prefix, std::map<std::string, std::string>& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, item] : value.items()) flatten(item, prefix.empty() ? key : prefix + "." + key, out);
    return;
  }
  out[prefix] = value.is_string() ? value.get<std::string>() : value.dump();
}

RunSummary summarise(const fs::path& run_dir) {
  RunSummary s;
  s.folder = run_dir;
  s.name = run_dir.filename().string();
  const json run = read_run_json(run_dir);
  s.status = text_of(run, "status");
  s.kind = run.contains("kind") ? text_of(run, "kind") : "local";
  s.model = text_of(run, "model");
  s.step = int_of(run, "step");
  s.total_steps = int_of(run, "total_steps");
  s.created_at = text_of(run, "created_at");
  s.error = text_of(run, "error");
  if (const auto it = run.find("final_loss"); it != run.end() && it->is_number()) s.final_loss = it->get<double>();

  if (fs::exists(run_dir / "job.json")) {
    try {
      const json job = json::parse(read_file(run_dir / "job.json"));
      s.adapter = text_of(job, "adapter_type");
      if (s.model.empty()) s.model = text_of(job, "model");
      if (s.total_steps == 0) s.total_steps = int_of(job, "number_of_steps");
    } catch (const json::exception& e) {
      s.problem = (run_dir / "job.json").string() + ": not JSON (" + e.what() + ")";
    }
  }

  const std::vector<json> events = read_progress_events(run_dir);
  std::optional<double> first_time, last_time;
  for (const json& e : events) {
    if (const auto t = parse_iso8601_utc(text_of(e, "time"))) {
      if (!first_time) first_time = t;
      last_time = t;
    }
    if (text_of(e, "event") == "checkpoint") s.checkpoint_step = int_of(e, "step");
    if (text_of(e, "event") != "step") continue;
    s.step = std::max(s.step, int_of(e, "step"));
    if (!run.contains("final_loss") || !run["final_loss"].is_number())
      if (const auto it = e.find("loss"); it != e.end() && it->is_number()) s.final_loss = it->get<double>();
  }
  const auto created = parse_iso8601_utc(s.created_at);
  const auto updated = parse_iso8601_utc(text_of(run, "updated_at"));
  if (created && updated)
    s.duration_seconds = std::max(0.0, *updated - *created);
  else if (first_time && last_time)
    s.duration_seconds = *last_time - *first_time;
  if (s.created_at.empty() && first_time) s.created_at = text_of(events.front(), "time");

  s.interrupted = (s.status == "running" || s.status == "paused") && !run_lock_held(run_dir);
  if (s.interrupted) s.status = "interrupted";
  return s;
}

}  // namespace

bool run_lock_held(const fs::path& run_dir) {
  const int fd = ::open((run_dir / "run.lock").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;  // no lock file: nobody ever locked it, or it was cleaned up
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  // Our probe lock (when we got it) goes with the descriptor.
  ::close(fd);
  return held;
}

Result<RunSummary> read_run_summary(const fs::path& run_dir) {
  return capture([&] { return summarise(run_dir); });
}

Result<std::vector<RunSummary>> list_runs(const fs::path& runs_dir) {
  return capture([&] {
    std::vector<RunSummary> runs;
    std::error_code ec;
    if (!fs::exists(runs_dir, ec)) return runs;
    fs::directory_iterator it(runs_dir, ec);
    if (ec) throw_environment(runs_dir.string() + ": cannot list the runs folder (" + ec.message() + ")");
    for (const fs::directory_entry& entry : it) {
      if (!entry.is_directory(ec) || !fs::exists(entry.path() / "run.json", ec)) continue;
      try {
        runs.push_back(summarise(entry.path()));
      } catch (const std::exception& e) {
        RunSummary broken;
        broken.folder = entry.path();
        broken.name = entry.path().filename().string();
        broken.problem = e.what();
        runs.push_back(std::move(broken));
      }
    }
    std::sort(runs.begin(), runs.end(), [](const RunSummary& a, const RunSummary& b) {
      return a.created_at != b.created_at ? a.created_at > b.created_at : a.name > b.name;
    });
    return runs;
  });
}

Result<std::vector<LossPoint>> read_loss_curve(const fs::path& run_dir) {
  return capture([&] {
    std::vector<LossPoint> points;
    for (const json& e : read_progress_events(run_dir)) {
      if (text_of(e, "event") != "step") continue;
      const auto loss = e.find("loss");
      if (loss == e.end() || !loss->is_number()) continue;
      const auto step = int_of(e, "step");
      // A resumed run repeats the steps its previous session trained past its last checkpoint:
      // the later session's values replace them, so the curve never runs backwards.
      while (!points.empty() && points.back().step >= step) points.pop_back();
      points.push_back({step, loss->get<double>()});
    }
    return points;
  });
}

Result<std::map<std::string, std::string>> read_job_settings(const fs::path& run_dir) {
  return capture([&] {
    const fs::path file = run_dir / "job.json";
    json job;
    try {
      job = json::parse(read_file(file));
    } catch (const json::exception& e) {
      throw_invalid(file.string() + ": not JSON (" + e.what() + ")");
    }
    std::map<std::string, std::string> out;
    flatten(job, "", out);
    return out;
  });
}

}  // namespace sa3
