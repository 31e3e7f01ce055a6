// SPDX-License-Identifier: GPL-3.0-or-later
// Remote training on fal: start (check, pack, upload, submit), follow (poll, events, outputs),
// poll once, cancel. The run folder is the only state, so any process can pick a run up.
#include <cstdlib>
#include <thread>

#include "base/atomic_file.h"
#include "fal/fal_api.h"
#include "fal/fal_error.h"
#include "fal/remote_store.h"
#include "job/job_json.h"
#include "job/run_folder.h"
#include "net/file_download.h"
#include "sa3/dataset.h"
#include "sa3/fal.h"

namespace sa3 {
namespace {

namespace fs = std::filesystem;
using fal::EventWriter;
using fal::update_run_json;
using nlohmann::json;
using nlohmann::ordered_json;

constexpr int kMaxBadPolls = 5;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

bool is_http_url(const std::string& s) { return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0; }

void cancellable_sleep(std::chrono::milliseconds delay, const JobControl& control) {
  const auto end = std::chrono::steady_clock::now() + delay;
  while (std::chrono::steady_clock::now() < end) {
    control.check_cancelled();
    std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(delay, std::chrono::milliseconds(50)));
  }
  control.check_cancelled();
}

std::string event_level(const std::string& fal_level) {
  if (fal_level == "ERROR" || fal_level == "STDERR") return "error";
  if (fal_level == "WARN" || fal_level == "WARNING") return "warning";
  return "info";
}

std::string mib(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

// A folder dataset goes to fal as the flat zip the dataset page exports.
fs::path pack_folder(const fs::path& root, const fs::path& zip, JobControl& control) {
  auto scan = scan_dataset(root, control);
  if (!scan) throw Error(scan.error().kind, scan.error().message);
  auto state = load_dataset_state(root);
  if (!state) throw Error(state.error().kind, state.error().message);
  auto report = export_zip(scan->clips, *state, zip, control);
  if (!report) throw Error(report.error().kind, report.error().message);
  return zip;
}

// Where the last follower stopped: the highest fal log index and the last step and loss seen.
struct FollowState {
  size_t logs_seen = 0;
  long last_step = 0;
  std::optional<double> last_loss;
};

FollowState resume_state(const fs::path& run_dir) {
  FollowState s;
  for (const json& e : read_progress_events(run_dir)) {
    const std::string kind = e.value("event", "");
    if (kind == "log" && e.contains("fal_index") && e["fal_index"].is_number_unsigned())
      s.logs_seen = std::max<size_t>(s.logs_seen, e["fal_index"].get<size_t>() + 1);
    if (kind == "step" && e.contains("step") && e["step"].is_number()) {
      s.last_step = e["step"].get<long>();
      if (e.contains("loss") && e["loss"].is_number()) s.last_loss = e["loss"].get<double>();
    }
  }
  return s;
}

void emit_new_logs(const fal::QueueStatus& status, FollowState& state, EventWriter& events, double lr) {
  if (status.logs.size() < state.logs_seen) state.logs_seen = 0;  // fal restarted the request's log
  for (size_t i = state.logs_seen; i < status.logs.size(); ++i) {
    const json& entry = status.logs[i];
    const std::string message = entry.is_object() ? entry.value("message", "") : entry.dump();
    const std::string level = entry.is_object() ? entry.value("level", "INFO") : "INFO";
    events.emit({{"event", "log"}, {"level", event_level(level)}, {"message", message}, {"fal_index", i}});
    if (auto step = parse_logged_step(message)) {
      ordered_json e{{"event", "step"}, {"step", step->step}, {"loss", step->loss}, {"lr", lr}};
      if (step->total > 0) e["total_steps"] = step->total;
      events.emit(std::move(e));
      state.last_step = step->step;
      state.last_loss = step->loss;
    }
  }
  state.logs_seen = std::max(state.logs_seen, status.logs.size());
}

struct FileRef {
  std::string url;
  std::optional<std::uint64_t> size;
};

FileRef output_file(const json& result, const char* key) {
  if (!result.contains(key) || !result[key].is_object() || !result[key].contains("url") || !result[key]["url"].is_string())
    throw_environment(std::string("fal's result has no ") + key + ".url: " + result.dump().substr(0, 300));
  FileRef f{result[key]["url"], std::nullopt};
  if (result[key].contains("file_size") && result[key]["file_size"].is_number_unsigned())
    f.size = result[key]["file_size"].get<std::uint64_t>();
  return f;
}

// The request completed: download the outputs, or record why it failed.
void finish(const fs::path& run_dir, fal::FalApi& api, const fal::RemoteRecord& record, const fal::QueueStatus& status,
            const FollowState& state, EventWriter& events) {
  const net::HttpResponse response = api.result(record.handle);
  if (!status.error.empty() || !response.ok()) {
    const bool stopped = !fal::read_remote_record(run_dir).cancel_requested_at.empty();
    std::string message;
    bool invalid = false;
    if (response.status == 404 && status.error.empty()) {
      message = "the result of request " + record.handle.request_id +
                " is no longer on fal (results are kept for about an hour); the outputs cannot be fetched";
    } else if (response.ok()) {
      message = "fal: " + status.error + (status.error_type.empty() ? "" : " [" + status.error_type + "]");
    } else if (stopped) {
      const fal::FalErrorInfo info = fal::parse_fal_error(response);
      message = "cancelled on fal" + (info.detail.empty() ? std::string() : ": " + info.detail);
    } else {
      message = fal::describe_fal_error("training", fal::parse_fal_error(response));
      invalid = response.status >= 400 && response.status < 500;
    }
    const char* outcome = stopped ? "stopped" : "failed";
    events.emit({{"event", outcome}, {"step", state.last_step}, {"error", message}});
    update_run_json(run_dir, [&](ordered_json& run) {
      run["status"] = outcome;
      run["error"] = message;
      run["finished_at"] = iso8601_utc_now();
    });
    if (stopped) throw Cancelled();
    if (invalid) throw_invalid(message);
    throw_environment(message);
  }
  const json result = json::parse(response.body, nullptr, false);
  if (!result.is_object()) throw_environment("fal's result is not a JSON object");
  const FileRef lora = output_file(result, "lora_file");
  const FileRef config = output_file(result, "config_file");
  events.log("info", "downloading the LoRA and its config from fal");
  api.download(lora.url, run_dir / "lora.safetensors", lora.size);
  api.download(config.url, run_dir / "config.json", config.size);
  ordered_json done{{"event", "finished"}, {"step", state.last_step}};
  if (state.last_loss) done["loss"] = *state.last_loss;
  events.emit(std::move(done));
  update_run_json(run_dir, [&](ordered_json& run) {
    run["status"] = "finished";
    run["final_loss"] = state.last_loss ? json(*state.last_loss) : json(nullptr);
    run["error"] = nullptr;
    run["finished_at"] = iso8601_utc_now();
  });
}

}  // namespace

Result<FalSettings> fal_settings_from_environment(const std::string& key) {
  return capture([&] {
    FalSettings s;
    s.key = key;
    if (s.key.empty()) s.key = env("FAL_KEY");
    if (s.key.empty() && !env("FAL_KEY_ID").empty() && !env("FAL_KEY_SECRET").empty())
      s.key = env("FAL_KEY_ID") + ":" + env("FAL_KEY_SECRET");
    if (s.key.empty())
      throw_invalid("no fal key: set FAL_KEY (or FAL_KEY_ID and FAL_KEY_SECRET), or enter it in the studio's Settings");
    if (!env("SA3_FAL_QUEUE_URL").empty()) s.queue_base = env("SA3_FAL_QUEUE_URL");
    if (!env("SA3_FAL_REST_URL").empty()) s.rest_base = env("SA3_FAL_REST_URL");
    while (s.queue_base.ends_with('/')) s.queue_base.pop_back();
    while (s.rest_base.ends_with('/')) s.rest_base.pop_back();
    auto millis = [](const char* name, std::chrono::milliseconds fallback) {
      const std::string v = env(name);
      if (v.empty()) return fallback;
      try {
        return std::chrono::milliseconds(std::stoll(v));
      } catch (const std::exception&) {
        throw_invalid(std::string(name) + ": expected milliseconds, got '" + v + "'");
      }
    };
    s.poll_interval = millis("SA3_FAL_POLL_INTERVAL_MS", s.poll_interval);
    s.retry_base_delay = millis("SA3_FAL_RETRY_BASE_MS", s.retry_base_delay);
    return s;
  });
}

double fal_cost_usd(const TrainingJob& job) { return 3.0 * job.number_of_steps / 1000.0; }

Status start_remote_training(const RemoteStartRequest& request, const FalSettings& settings, JobControl& control,
                             const RemoteEventSink& on_event) {
  return capture_status([&] {
    const fs::path& run_dir = request.run_dir;
    fs::create_directories(run_dir);
    if (fs::exists(run_dir / "remote.json") || fs::exists(run_dir / "run.json"))
      throw_invalid(run_dir.string() + ": already holds a run; choose a new --out folder (or use sa3 remote ... on it)");
    TrainingJob job = request.job;
    fs::path dataset = request.dataset;
    if (dataset.empty() && !is_http_url(job.audio_data_url)) {
      dataset = job.audio_data_url.rfind("file://", 0) == 0 ? job.audio_data_url.substr(7) : job.audio_data_url;
      if (dataset.empty()) throw_invalid("audio_data_url: required (or pass a dataset folder or zip)");
    }
    if (const auto problems = validate_job(job, {.require_audio_data_url = false}); !problems.empty())
      throw_invalid("invalid job\n" + describe_problems(problems));
    fal::FalApi api(settings, &control);
    const RunLock lock(run_dir);
    EventWriter events(run_dir, on_event);
    api.set_on_retry([&](const std::string& m) { events.log("warning", m); });
    write_run_json(run_dir, ordered_json{{"status", "running"},
                                         {"kind", "remote"},
                                         {"model", job.model},
                                         {"total_steps", job.number_of_steps},
                                         {"created_at", iso8601_utc_now()},
                                         {"updated_at", iso8601_utc_now()},
                                         {"final_loss", nullptr},
                                         {"error", nullptr}});
    try {
      if (!dataset.empty()) {
        auto check = check_dataset_for_fal(dataset, control);
        if (!check) throw Error(check.error().kind, check.error().message);
        if (!check->ok()) {
          std::string msg = dataset.string() + ": not ready for fal's trainer";
          for (const std::string& e : check->errors) msg += "\n  " + e;
          throw_invalid(msg);
        }
        for (const std::string& w : check->warnings) events.log("warning", w);
        const fs::path zip = fs::is_directory(dataset) ? pack_folder(dataset, run_dir / "dataset.zip", control) : dataset;
        char cost[64];
        std::snprintf(cost, sizeof cost, "$%.2f", fal_cost_usd(job));
        events.log("info", "uploading " + std::to_string(check->clips) + " clips (" + mib(fs::file_size(zip)) +
                               ") to fal storage; training " + std::to_string(job.number_of_steps) +
                               " steps costs " + cost + (job.batch_size > 1 ? " plus the batch surcharge" : ""));
        job.audio_data_url = api.upload(zip, "application/zip", [&](std::uint64_t done, std::uint64_t total) {
          control.progress(static_cast<double>(done), static_cast<double>(total), "upload");
        });
      }
      write_file_atomic(run_dir / "job.json", job_to_json(job, JobFlavour::WithStudio) + "\n");
      events.emit({{"event", "start"}, {"step", 0}, {"total_steps", job.number_of_steps}, {"model", job.model}, {"device", "fal"}});
      fal::RemoteRecord record;
      record.app = settings.app;
      record.dataset_url = job.audio_data_url;
      record.handle = api.submit(job_to_json_value(job, JobFlavour::ForFal));
      record.submitted_at = iso8601_utc_now();
      write_remote_record(run_dir, record);
      update_run_json(run_dir, [&](ordered_json& run) { run["request_id"] = record.handle.request_id; });
      events.log("info", "submitted to fal as request " + record.handle.request_id);
    } catch (const Cancelled&) {
      update_run_json(run_dir, [](ordered_json& run) { run["status"] = "stopped"; });
      throw;
    } catch (const std::exception& e) {
      update_run_json(run_dir, [&](ordered_json& run) {
        run["status"] = "failed";
        run["error"] = e.what();
      });
      throw;
    }
  });
}

Status follow_remote_training(const fs::path& run_dir, const FalSettings& settings, JobControl& control,
                              const RemoteEventSink& on_event) {
  return capture_status([&] {
    const fal::RemoteRecord record = fal::read_remote_record(run_dir);
    const RunLock lock(run_dir);
    auto job = load_job_file(run_dir / "job.json");
    if (!job) throw_invalid(job.error().message);
    fal::FalApi api(settings, &control);
    EventWriter events(run_dir, on_event);
    api.set_on_retry([&](const std::string& m) { events.log("warning", m); });
    FollowState state = resume_state(run_dir);
    int last_position = -2, bad_polls = 0;
    bool warned_unknown = false;
    update_run_json(run_dir, [](ordered_json& run) {
      if (run.value("status", "") != "finished") run["status"] = "running";
    });
    for (;;) {
      control.check_cancelled();
      fal::QueueStatus status;
      try {
        status = api.status(record.handle, true);
        bad_polls = 0;
      } catch (const Error& e) {
        // Transient trouble (a garbled answer, an outage beyond the retries) is waited out a while.
        if (e.kind() != ErrorKind::Environment || ++bad_polls > kMaxBadPolls) throw;
        events.log("warning", e.what());
        cancellable_sleep(settings.poll_interval, control);
        continue;
      }
      emit_new_logs(status, state, events, job->learning_rate);
      if (status.status == "COMPLETED") {
        finish(run_dir, api, record, status, state, events);
        return;
      }
      if (status.status == "IN_QUEUE") {
        if (status.queue_position != last_position) events.emit({{"event", "queue"}, {"position", status.queue_position}});
        last_position = status.queue_position;
      } else if (status.status != "IN_PROGRESS" && !warned_unknown) {
        events.log("warning", "fal reported an unknown status '" + status.status + "'; still waiting for COMPLETED");
        warned_unknown = true;
      }
      cancellable_sleep(settings.poll_interval, control);
    }
  });
}

Result<RemoteState> poll_remote_training(const fs::path& run_dir, const FalSettings& settings) {
  return capture([&] {
    const fal::RemoteRecord record = fal::read_remote_record(run_dir);
    fal::FalApi api(settings, nullptr);
    const fal::QueueStatus s = api.status(record.handle, true);
    RemoteState out;
    out.request_id = record.handle.request_id;
    out.status = s.status;
    out.queue_position = s.queue_position;
    out.error = s.error;
    out.error_type = s.error_type;
    for (const json& entry : s.logs)
      if (entry.is_object())
        out.logs.push_back({entry.value("timestamp", ""), entry.value("level", ""), entry.value("message", "")});
    if (fs::exists(run_dir / "run.json")) out.run_status = read_run_json(run_dir).value("status", "");
    out.outputs_present = fs::exists(run_dir / "lora.safetensors") && fs::exists(run_dir / "config.json");
    return out;
  });
}

Result<bool> cancel_remote_training(const fs::path& run_dir, const FalSettings& settings) {
  return capture([&] {
    fal::RemoteRecord record = fal::read_remote_record(run_dir);
    fal::FalApi api(settings, nullptr);
    const bool requested = api.cancel(record.handle);
    if (requested) {
      record.cancel_requested_at = iso8601_utc_now();
      write_remote_record(run_dir, record);
    }
    return requested;
  });
}

}  // namespace sa3
