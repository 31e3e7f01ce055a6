// SPDX-License-Identifier: GPL-3.0-or-later
// RunFolder: one training run on disk (spec/contracts.md "Run folder"): job.json, run.json
// (status, rewritten atomically), progress.jsonl (appended events), run.lock (flock held by the
// process driving the run) and checkpoints/step-NNNNNN/. The shared files are written by
// job/run_folder.h, so local and remote runs produce identical files.
//
// Lifecycle: open() takes the lock and keeps it until the object dies; a second process (or a
//   second RunFolder in this one) is refused with a message naming the folder.
// Threading: one driver thread; events may be appended from it only.
// Errors: sa3::Error naming the file (Environment for I/O, InvalidInput for a locked or
//   malformed run).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "job/run_folder.h"

namespace sa3 {

struct RunStatus {
  std::string status = "running";  // running|paused|stopped|finished|failed|interrupted
  std::string kind = "local";
  std::string model;
  std::string device;
  std::string created_at;  // ISO 8601 UTC
  std::string updated_at;
  int64_t step = 0;
  int64_t total_steps = 0;
  std::optional<double> final_loss;
  std::string error;
};

class RunFolder {
 public:
  // Opens (creating when `create`) and locks the folder.
  static RunFolder open(const std::filesystem::path& dir, bool create);
  RunFolder(RunFolder&&) noexcept = default;
  RunFolder& operator=(RunFolder&&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path job_path() const { return dir_ / "job.json"; }
  std::filesystem::path lora_path() const { return dir_ / "lora.safetensors"; }
  std::filesystem::path config_path() const { return dir_ / "config.json"; }

  void write_job(const std::string& json_text) const;
  void write_status(RunStatus status) const;  // stamps `updated_at`
  RunStatus read_status() const;

  // Appends one event line (adding "time" after "event"); returns the event as written.
  nlohmann::ordered_json append_event(nlohmann::ordered_json event) const;

  // checkpoints/step-NNNNNN for `step`.
  std::filesystem::path checkpoint_dir(int64_t step) const;
  // Complete checkpoints (their state file exists), oldest first, as (step, folder).
  std::vector<std::pair<int64_t, std::filesystem::path>> checkpoints() const;
  // Removes all but the newest `keep` complete checkpoints, and incomplete ones older than them.
  void prune_checkpoints(int keep) const;

 private:
  RunFolder(std::filesystem::path dir, std::unique_ptr<RunLock> lock)
      : dir_(std::move(dir)), lock_(std::move(lock)) {}
  std::filesystem::path dir_;
  std::unique_ptr<RunLock> lock_;
};

}  // namespace sa3
