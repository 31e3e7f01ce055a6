// SPDX-License-Identifier: GPL-3.0-or-later
// Remote training on fal-ai/stable-audio-3-trainer (spec/fal-protocol.md): check and upload the
// dataset, submit the job, follow its queue position and logs, download lora_file and
// config_file into the run folder. Everything a run needs to be picked up again lives in the
// run folder (job.json, remote.json, run.json, progress.jsonl), so the CLI and the studio
// reattach after a restart.
//
// Lifecycle: start_remote_training() once per run, then follow_remote_training() as often as
//   needed (it resumes where the last one stopped); poll/cancel any time.
// Ownership: plain values; the caller owns the JobControl and the event sink.
// Threading: every call is synchronous and blocking (network): call off the GUI thread. The
//   event sink and JobControl callbacks run on the calling thread. Distinct runs may be
//   driven from distinct threads; one run is driven by one process (run.lock).
// Errors: Result/Status. InvalidInput: a bad job, dataset or key, or a job fal rejected (its
//   422 detail listed per field); Environment: network, fal outages, disk. The fal key is
//   never put into a message, a log or a file, and is sent only to the queue and REST hosts.
// Cancellation: JobControl::cancel() stops an upload, or stops *following* a run (the job
//   keeps running on fal; cancel_remote_training() stops it there). Reported as cancelled;
//   a run cancelled on fal also ends cancelled, with a "stopped" event and run.json "stopped".
//
//   sa3::FalSettings fal = *sa3::fal_settings_from_environment();
//   sa3::JobControl job;
//   auto on_event = [](const std::string& json_line) { std::cout << json_line << '\n'; };
//   sa3::RemoteStartRequest start{parsed_job, "/music/loops", "/runs/loops-1"};
//   if (auto s = sa3::start_remote_training(start, fal, job, on_event); !s) return fail(s.error());
//   auto done = sa3::follow_remote_training("/runs/loops-1", fal, job, on_event);
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sa3/error.h"
#include "sa3/job.h"
#include "sa3/job_control.h"

namespace sa3 {

struct FalSettings {
  std::string key;  // "<key_id>:<key_secret>"; never logged
  std::string queue_base = "https://queue.fal.run";
  std::string rest_base = "https://rest.fal.ai";
  std::string app = "fal-ai/stable-audio-3-trainer";
  std::chrono::milliseconds poll_interval{2000};
  std::chrono::milliseconds retry_base_delay{1000};  // backoff base (spec §8)
  long request_timeout_s = 120;                      // JSON calls
  std::uint64_t multipart_threshold = 90ull << 20;   // bytes; above it uploads go in parts
  std::uint64_t part_size = 10ull << 20;
};

// Key from `key` when not empty, else FAL_KEY, else FAL_KEY_ID:FAL_KEY_SECRET (empty values
// count as unset); hosts from SA3_FAL_QUEUE_URL / SA3_FAL_REST_URL. Also reads
// SA3_FAL_POLL_INTERVAL_MS and SA3_FAL_RETRY_BASE_MS (tests). Fails when no key is found.
Result<FalSettings> fal_settings_from_environment(const std::string& key = {});

// fal's price: $3.00 per 1000 steps (batch_size > 1 bills extra, not included).
double fal_cost_usd(const TrainingJob& job);

// What fal will get: 4-2000 clips of a supported format, each with a non-empty UTF-8 caption.
struct FalDatasetCheck {
  size_t clips = 0;
  std::uint64_t bytes = 0;            // zip size, or the audio + captions of a folder
  std::vector<std::string> errors;    // block the upload; each names the file
  std::vector<std::string> warnings;
  bool ok() const { return errors.empty(); }
};
// `dataset` is a folder (clips + captions) or a zip.
Result<FalDatasetCheck> check_dataset_for_fal(const std::filesystem::path& dataset, JobControl& job);

// One JSON object per line, as appended to progress.jsonl (spec/contracts.md events).
using RemoteEventSink = std::function<void(const std::string& json_line)>;

struct RemoteStartRequest {
  TrainingJob job;
  // Folder or zip to upload; empty when job.audio_data_url already is an http(s) URL.
  std::filesystem::path dataset;
  std::filesystem::path run_dir;  // created if needed; must not hold another run
};

// Validates job and dataset, packs a folder into <run>/dataset.zip, uploads it (progress in
// bytes through the JobControl), submits, and writes job.json, remote.json, run.json and the
// first events. A submit is never repeated unless fal provably did not receive it.
Status start_remote_training(const RemoteStartRequest& request, const FalSettings& settings, JobControl& job,
                             const RemoteEventSink& on_event = {});

// Polls until the request completes, appending queue/log/step events (steps and losses parsed
// from the trainer's log lines) and, on success, downloading <run>/lora.safetensors and
// <run>/config.json; ends with a finished, failed or stopped event and run.json updated.
// A failed job is a Failure carrying fal's detail.
Status follow_remote_training(const std::filesystem::path& run_dir, const FalSettings& settings, JobControl& job,
                              const RemoteEventSink& on_event = {});

struct RemoteLogLine {
  std::string time, level, message;
};
struct RemoteState {
  std::string request_id;
  std::string status;       // IN_QUEUE, IN_PROGRESS, COMPLETED (or whatever fal answered)
  int queue_position = -1;  // IN_QUEUE only
  std::vector<RemoteLogLine> logs;
  std::string error, error_type;  // COMPLETED with a failure
  std::string run_status;         // run.json's status
  bool outputs_present = false;   // lora.safetensors and config.json are in the run folder
};
// One status request (with logs); writes nothing.
Result<RemoteState> poll_remote_training(const std::filesystem::path& run_dir, const FalSettings& settings);

// Asks fal to cancel. true: cancellation requested; false: the request had already completed.
Result<bool> cancel_remote_training(const std::filesystem::path& run_dir, const FalSettings& settings);

// Loss values in a trainer log line ("step 120/1000 loss=0.0831"), if it carries any.
struct LoggedStep {
  long step = 0;
  long total = 0;  // 0 when the line does not say
  double loss = 0;
};
std::optional<LoggedStep> parse_logged_step(std::string_view message);

}  // namespace sa3
