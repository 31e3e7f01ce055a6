// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 train` without --remote: local LoRA training through the core facade (sa3/trainer.h),
// printing progress events as JSON lines (--progress jsonl) or as human-readable lines.
// Ctrl+C finishes the current step, writes a checkpoint and exits 130.
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "interrupt_scope.h"
#include "sa3/job.h"
#include "sa3/paths.h"
#include "sa3/trainer.h"

namespace sa3::cli {
namespace {

namespace fs = std::filesystem;

void print_human(const std::string& line) {
  const auto e = nlohmann::json::parse(line, nullptr, false);
  if (!e.is_object()) return;
  const std::string kind = e.value("event", "");
  if (kind == "step") {
    std::printf("step %lld  loss %.4f  %.2f s/step  eta %.0f s\n", static_cast<long long>(e.value("step", 0)),
                e.value("loss", 0.0), e.value("sec_per_step", 0.0), e.value("eta_s", 0.0));
  } else if (kind == "start") {
    std::printf("training %lld steps of %s on %s\n", static_cast<long long>(e.value("total_steps", 0)),
                e.value("model", "").c_str(), e.value("device", "").c_str());
  } else if (kind == "checkpoint") {
    std::printf("checkpoint %s\n", e.value("path", "").c_str());
  } else if (kind == "demo") {
    std::printf("demos %s\n", e.value("path", "").c_str());
  } else if (kind == "log") {
    const std::string level = e.value("level", "info");
    std::printf("%s%s\n", level == "info" ? "" : (level + ": ").c_str(), e.value("message", "").c_str());
  } else if (kind == "finished" || kind == "stopped" || kind == "failed") {
    std::printf("%s at step %lld%s%s\n", kind.c_str(), static_cast<long long>(e.value("step", 0)),
                e.contains("error") ? ": " : "", e.value("error", "").c_str());
  }
  std::fflush(stdout);
}

// --progress jsonl: the job's problems as fal's 422 body ({"detail":[{"loc":[..],"msg":..,
// "type":..}]}) on one line, so a program driving the CLI reads them the way it reads fal's.
void print_job_detail(const fs::path& job_path, const JobParseOptions& options) {
  std::ifstream in(job_path, std::ios::binary);
  if (!in) return;  // unreadable: only the message on stderr names the file
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto parsed = parse_job(text, options);
  if (parsed.ok()) return;
  std::cout << nlohmann::json::parse(problems_to_detail_json(parsed.problems)).dump() << '\n' << std::flush;
}

fs::path new_run_dir(const std::string& model) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  return default_runs_dir() / (std::string(stamp) + "-" + model);
}

}  // namespace

int run_local_training(const Args& args) {
  const bool jsonl = args.option("--progress").has_value();
  const fs::path models = args.option("--models") ? fs::path(*args.option("--models")) : default_models_dir();
  const std::string device = args.option_or("--device", "auto");
  LocalTrainer trainer;
  trainer.on_event = jsonl ? [](const std::string& line) { std::cout << line << '\n' << std::flush; }
                           : std::function<void(const std::string&)>(print_human);
  fs::path run;
  Status started = Done{};
  if (const auto resume = args.option("--resume")) {
    if (args.option("--job") || args.option("--dataset") || args.option("--out"))
      throw UsageError("--resume RUN continues a run with its own job.json; drop --job, --dataset and --out");
    run = *resume;
    started = trainer.resume(run, models, device);
  } else {
    const auto dataset = args.option("--dataset");
    const fs::path job_path = args.required_option("--job");
    const JobParseOptions options{.require_audio_data_url = !dataset};
    const auto job = load_job_file(job_path, options);
    if (!job) {
      if (jsonl) print_job_detail(job_path, options);
      std::cerr << "sa3 train: " << job.error().message << '\n';
      return kExitUsage;
    }
    LocalTrainingRequest request;
    request.job = *job;
    if (dataset) request.dataset = fs::path(*dataset);
    run = args.option("--out") ? fs::path(*args.option("--out")) : new_run_dir(job->model);
    request.run_dir = run;
    request.models_dir = models;
    request.device = device;
    started = trainer.start(request);
  }
  if (!started) {
    std::cerr << "sa3 train: " << started.error().message << '\n';
    return kExitUsage;
  }
  // LocalTrainer::stop() only stores atomics, so it may run in the signal handler.
  const InterruptScope interrupt([](void* t) { static_cast<LocalTrainer*>(t)->stop(); }, &trainer);
  const auto result = trainer.wait();
  if (!result) {
    if (result.error().cancelled()) {
      std::cerr << "sa3 train: stopped; 'sa3 train --resume " << run.string() << "' continues\n";
      return kExitStopped;
    }
    std::cerr << "sa3 train: " << result.error().message << '\n';
    return kExitFailed;
  }
  if (!jsonl) std::cout << "outputs: " << result->lora_file.string() << ", " << result->config_file.string() << '\n';
  return kExitOk;
}

}  // namespace sa3::cli
