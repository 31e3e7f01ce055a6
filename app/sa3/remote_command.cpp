// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 remote status|logs|cancel|fetch RUN`, and the remote half of `sa3 train --remote`:
// both drive core's fal facade and print its progress events.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "interrupt_scope.h"
#include "sa3/fal.h"
#include "sa3/paths.h"

namespace sa3::cli {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kRemoteUsage =
    "Usage: sa3 remote status RUN\n"
    "       sa3 remote logs RUN\n"
    "       sa3 remote cancel RUN\n"
    "       sa3 remote fetch RUN [--progress jsonl]\n"
    "\n"
    "Reattach to a run started with 'sa3 train --remote' (or the studio's remote mode); RUN is\n"
    "its run folder, which remembers the fal request.\n"
    "status  one status request: queue position, progress, or how the job ended\n"
    "logs    every log line fal has for the job\n"
    "cancel  asks fal to cancel the job (queued jobs never start; running ones stop)\n"
    "fetch   follows the job until it completes and downloads lora.safetensors and\n"
    "        config.json into RUN; safe to repeat\n"
    "Needs FAL_KEY (or FAL_KEY_ID + FAL_KEY_SECRET); SA3_FAL_QUEUE_URL and SA3_FAL_REST_URL\n"
    "override fal's hosts.\n"
    "\n"
    "Exit status: 0 success, 1 the job failed or fal could not be reached, 2 bad usage or\n"
    "input, 130 stopped.\n";

namespace {

void print_event_human(const std::string& line) {
  const json e = json::parse(line, nullptr, false);
  if (!e.is_object()) return;
  const std::string kind = e.value("event", "");
  if (kind == "log") {
    const std::string level = e.value("level", "info");
    std::cout << (level == "info" ? "" : level + ": ") << e.value("message", "") << '\n';
  } else if (kind == "queue") {
    std::cout << "waiting in fal's queue (position " << e.value("position", -1) << ")\n";
  } else if (kind == "start") {
    std::cout << "training " << e.value("total_steps", 0) << " steps of " << e.value("model", "") << " on fal\n";
  } else if (kind == "finished") {
    std::cout << "finished";
    if (e.contains("loss") && e["loss"].is_number()) std::cout << " (last loss " << e["loss"].get<double>() << ")";
    std::cout << '\n';
  } else if (kind == "failed" || kind == "stopped") {
    std::cout << kind << ": " << e.value("error", "") << '\n';
  }
  std::cout.flush();
}

RemoteEventSink event_printer(bool jsonl) {
  if (jsonl) return [](const std::string& line) { std::cout << line << '\n' << std::flush; };
  return print_event_human;
}

FalSettings settings_or_exit() {
  auto settings = fal_settings_from_environment();
  if (!settings) throw UsageError(settings.error().message);
  return *settings;
}

// run.json's status ("" when unreadable): tells a detach from a cancelled job.
std::string run_status(const std::string& run) {
  std::ifstream in(fs::path(run) / "run.json");
  const json j = json::parse(in, nullptr, false);
  return j.is_object() ? j.value("status", "") : "";
}

int report(const Failure& f, const std::string& run, bool following) {
  if (f.cancelled()) {
    if (following && run_status(run) == "stopped")
      std::cerr << "sa3: the job was cancelled on fal\n";
    else if (following)
      std::cerr << "sa3: stopped following " << run << "; the job keeps running on fal unless it was cancelled\n"
                << "     'sa3 remote fetch " << run << "' reattaches, 'sa3 remote cancel " << run << "' stops it\n";
    return kExitStopped;
  }
  std::cerr << "sa3: " << f.message << '\n';
  return f.kind == ErrorKind::InvalidInput && !following ? kExitUsage : kExitFailed;
}

int follow(const fs::path& run, bool jsonl) {
  if (!fs::exists(run / "remote.json")) throw UsageError(run.string() + ": not a remote run (no remote.json)");
  const FalSettings settings = settings_or_exit();
  JobControl job;
  const InterruptScope interrupt(job);
  const Status done = follow_remote_training(run, settings, job, event_printer(jsonl));
  if (!done) return report(done.error(), run.string(), true);
  if (!jsonl) std::cout << "outputs: " << (run / "lora.safetensors").string() << ", " << (run / "config.json").string() << '\n';
  return kExitOk;
}

fs::path default_run_dir() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char name[64];
  std::strftime(name, sizeof name, "%Y%m%d-%H%M%S-remote", &tm);
  return default_runs_dir() / name;
}

int print_status(const fs::path& run) {
  const auto state = poll_remote_training(run, settings_or_exit());
  if (!state) return report(state.error(), run.string(), false);
  std::cout << "request " << state->request_id << ": " << state->status;
  if (state->status == "IN_QUEUE") std::cout << " (position " << state->queue_position << ")";
  if (!state->error.empty()) std::cout << " with error: " << state->error << (state->error_type.empty() ? "" : " [" + state->error_type + "]");
  std::cout << '\n';
  for (auto it = state->logs.rbegin(); it != state->logs.rend(); ++it) {
    if (auto step = parse_logged_step(it->message)) {
      std::cout << "last step " << step->step << (step->total ? "/" + std::to_string(step->total) : "") << ", loss "
                << step->loss << '\n';
      break;
    }
  }
  if (!state->run_status.empty()) std::cout << "run folder: " << state->run_status << '\n';
  std::cout << "outputs: " << (state->outputs_present ? "downloaded" : "not downloaded") << '\n';
  return kExitOk;
}

int print_logs(const fs::path& run) {
  const auto state = poll_remote_training(run, settings_or_exit());
  if (!state) return report(state.error(), run.string(), false);
  for (const RemoteLogLine& line : state->logs)
    std::cout << (line.time.empty() ? "" : line.time + " ") << (line.level.empty() ? "" : line.level + " ") << line.message << '\n';
  return kExitOk;
}

int request_cancel(const fs::path& run) {
  const auto requested = cancel_remote_training(run, settings_or_exit());
  if (!requested) return report(requested.error(), run.string(), false);
  std::cout << (*requested ? "cancellation requested; 'sa3 remote fetch " + run.string() + "' shows how it ends\n"
                           : "the job had already completed; nothing to cancel\n");
  return kExitOk;
}

}  // namespace

int run_remote_training(const Args& args) {
  const bool jsonl = args.option("--progress").has_value();
  const auto dataset = args.option("--dataset");
  const fs::path job_path = args.required_option("--job");
  const auto job = load_job_file(job_path, {.require_audio_data_url = !dataset});
  if (!job) {
    std::cerr << "sa3 train: " << job.error().message << '\n';
    return kExitUsage;
  }
  const FalSettings settings = settings_or_exit();
  const fs::path run = args.option("--out") ? fs::path(*args.option("--out")) : default_run_dir();
  RemoteStartRequest request{*job, dataset ? fs::path(*dataset) : fs::path(), run};
  JobControl control;
  if (!jsonl) {
    control.on_progress = [](double done, double total, const std::string& what) {
      if (total > 0) std::fprintf(stderr, "\r%s %3.0f%%%s", what.c_str(), 100.0 * done / total, done >= total ? "\n" : "");
    };
  }
  {
    const InterruptScope interrupt(control);
    const Status started = start_remote_training(request, settings, control, event_printer(jsonl));
    if (!started) {
      if (started.error().cancelled()) {
        std::cerr << "sa3 train: stopped before the job was submitted\n";
        return kExitStopped;
      }
      std::cerr << "sa3 train: " << started.error().message << '\n';
      return started.error().kind == ErrorKind::InvalidInput ? kExitUsage : kExitFailed;
    }
  }
  if (!jsonl) std::cout << "run folder: " << run.string() << '\n';
  return follow(run, jsonl);
}

int run_remote(const std::vector<std::string>& argv) {
  const Args args(argv, {}, {"--progress"});
  args.expect_positionals(2, 2);
  const std::string& verb = args.positionals()[0];
  const fs::path run = args.positionals()[1];
  if (const auto p = args.option("--progress"); p && (*p != "jsonl" || verb != "fetch"))
    throw UsageError("--progress jsonl applies to 'fetch' only");
  if (verb == "status") return print_status(run);
  if (verb == "logs") return print_logs(run);
  if (verb == "cancel") return request_cancel(run);
  if (verb == "fetch") return follow(run, args.option("--progress").has_value());
  throw UsageError("unknown subcommand '" + verb + "' (expected status, logs, cancel or fetch)");
}

}  // namespace sa3::cli
