// SPDX-License-Identifier: GPL-3.0-or-later
// Run history: the training runs in a runs folder (spec/contracts.md "Run folder"), summarised
// for lists, with their loss curves and their job settings for comparison.
//
// Lifecycle: free functions; nothing is cached, every call reads the disk as it is now.
// Ownership: results are plain values.
// Threading: blocking file reads (a progress log can hold tens of thousands of lines); call off
//   the GUI thread. Reading a run that another process is writing is safe: a torn last line is
//   skipped and run.json is replaced atomically by its writer.
// Errors: list_runs fails only when the runs folder cannot be listed; a damaged run is listed
//   with its problem in RunSummary::problem. Per-run calls name the file that is missing or bad.
// Cancellation: none; each call is bounded by one folder's files.
//
//   sa3::Result<std::vector<sa3::RunSummary>> runs = sa3::list_runs(sa3::default_runs_dir());
//   for (const auto& r : *runs)
//     if (r.interrupted) offer_resume(r.folder);
//   sa3::Result<std::vector<sa3::LossPoint>> curve = sa3::read_loss_curve(runs->front().folder);
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sa3/error.h"

namespace sa3 {

struct RunSummary {
  std::filesystem::path folder;
  std::string name;         // the folder's name
  std::string status;       // run.json's status: running|paused|stopped|finished|failed|interrupted
  bool interrupted = false; // run.json says running or paused but nobody holds run.lock
  std::string kind;         // local|remote
  std::string model;        // "medium-base"
  std::string adapter;      // job.json adapter_type ("dora-rows"); empty when job.json is absent
  std::int64_t step = 0;    // last step reached
  std::int64_t total_steps = 0;
  std::optional<double> final_loss;  // run.json's, else the last step event's
  double duration_seconds = 0;       // created_at to updated_at (else first to last event)
  std::string created_at;            // ISO 8601 UTC, sorts chronologically
  std::string error;                 // run.json's error, for failed runs
  std::string problem;               // why the folder could not be read fully; empty when fine
  std::optional<std::int64_t> checkpoint_step;  // the newest "checkpoint" event's step

  // Whether the studio can continue it: an interrupted remote run is followed again; a local
  // run that was interrupted or stopped continues from its newest checkpoint.
  bool resumable() const {
    if (kind == "remote") return interrupted;
    return (interrupted || status == "stopped") && checkpoint_step.has_value();
  }
};

struct LossPoint {
  std::int64_t step = 0;
  double loss = 0;
};

// Every subfolder of `runs_dir` holding a run.json, newest first. A missing runs folder is an
// empty history, not an error.
Result<std::vector<RunSummary>> list_runs(const std::filesystem::path& runs_dir);
Result<RunSummary> read_run_summary(const std::filesystem::path& run_dir);
// The step events of progress.jsonl with rising steps: where a resumed session repeats steps
// (trained past the last checkpoint before a crash), its values replace the earlier ones.
Result<std::vector<LossPoint>> read_loss_curve(const std::filesystem::path& run_dir);
// job.json flattened to "key" / "studio.demo_seconds" -> the value: strings as they are, other
// values as compact JSON ("0.0001", "null", "[\"attn\"]").
Result<std::map<std::string, std::string>> read_job_settings(const std::filesystem::path& run_dir);
// True while a process holds <run>/run.lock (checked with a non-blocking flock).
bool run_lock_held(const std::filesystem::path& run_dir);

}  // namespace sa3
