// SPDX-License-Identifier: GPL-3.0-or-later
// train_step_bench: seconds per LoRA training step and peak RSS for the real SA3 DiT shapes
// (random weights), printed next to spec/performance.md's targets.
//
//   train_step_bench [--model small|medium] [--frames 64] [--precision bf16|fp32]
//                    [--adapter dora-rows] [--rank 16] [--steps 6] [--threads N]
//
// The step is the trainer's own (TrainingLoop on Sa3TrainingModel): flow objective, DiT with
// gradient checkpointing, 257 cross tokens, adapters on every Linear/Conv1d, AdamW, batch 1.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "model/conditioners.h"
#include "model/dit.h"
#include "model/torch_threads.h"
#include "sa3/openmp_wait.h"
#include "train/sa3_training_model.h"
#include "train/training_loop.h"

namespace {

std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  return fallback;
}

// CPU seconds of all this process's threads: on a shared machine wall time is noisy, CPU time
// is what the step costs.
double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double median_after_warmup(std::vector<double> v) {
  v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(2, v.size() - 1)));
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double peak_rss_gib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / (1024.0 * 1024.0);
}

struct Target {
  const char* official;
  const char* ours;
};

Target target_for(const std::string& model, int64_t frames, bool bf16) {
  if (model == "small" && frames == 64) return bf16 ? Target{"5.10 s", "<= 2.0 s"} : Target{"7.99 s", "-"};
  if (model == "small" && frames == 256) return bf16 ? Target{"6.98 s", "<= 2.8 s"} : Target{"12.2 s", "-"};
  if (model == "medium" && frames == 64 && !bf16) return {"26.5 s", "<= 10.6 s"};
  return {"-", "-"};
}

}  // namespace

int main(int argc, char** argv) {
  sa3::use_passive_openmp_wait(argv);
  const std::string model_name = arg(argc, argv, "--model", "small");
  const int64_t frames = std::stoll(arg(argc, argv, "--frames", "64"));
  const std::string precision = arg(argc, argv, "--precision", "bf16");
  const int steps = std::stoi(arg(argc, argv, "--steps", "6"));
  const int threads = std::stoi(arg(argc, argv, "--threads", "0"));
  sa3::init_torch_threads(threads);
  const bool bf16 = precision == "bf16";
  const auto dtype = bf16 ? at::kBFloat16 : at::kFloat;

  sa3::DiffusionTransformerOptions options;  // small: E 1024, depth 20, 16 heads
  if (model_name == "medium") {
    options.embed_dim = 1536;
    options.depth = 24;
    options.num_heads = 24;
    options.differential = true;
  }
  torch::manual_seed(0);
  sa3::DiffusionTransformer dit(options);
  sa3::NumberConditioner seconds(sa3::NumberConditionerOptions{});
  dit->to(dtype);
  seconds->to(dtype);
  sa3::Sa3TrainingModel model(dit, seconds, at::kCPU);

  sa3::TrainingExample example;
  example.id = "random";
  example.latents = at::randn({options.io_channels, frames});
  example.prompt = at::randn({256, options.cond_token_dim});
  example.seconds_total = std::ceil(static_cast<double>(frames) * 4096 / 44100);

  sa3::TrainingSettings settings;
  settings.model = model_name + "-base";
  settings.adapter_type = arg(argc, argv, "--adapter", "dora-rows");
  settings.rank = std::stoi(arg(argc, argv, "--rank", "16"));
  settings.steps = steps;
  settings.crop_frames = frames;
  settings.checkpoint_every = steps + 1;
  settings.batch_size = 1;

  const auto dir = std::filesystem::temp_directory_path() / ("sa3-train-bench-" + std::to_string(::getpid()));
  std::vector<double> seconds_per_step, cpu_per_step;
  {
    auto run = sa3::RunFolder::open(dir, true);
    sa3::TrainingControl control;
    auto t0 = std::chrono::steady_clock::now();
    double cpu0 = process_cpu_seconds();
    control.on_event = [&](const nlohmann::ordered_json& e) {
      if (e["event"] != "step") return;
      const auto now = std::chrono::steady_clock::now();
      const double cpu = process_cpu_seconds();
      seconds_per_step.push_back(std::chrono::duration<double>(now - t0).count());
      cpu_per_step.push_back(cpu - cpu0);
      t0 = now;
      cpu0 = cpu;
    };
    sa3::TrainingLoop loop(model, {example}, settings, run, control);
    std::printf("adapters: %zu modules, %lld trainable parameters\n", loop.network().adapters().size(),
                static_cast<long long>(loop.network().parameter_count()));
    t0 = std::chrono::steady_clock::now();
    cpu0 = process_cpu_seconds();
    const auto outcome = loop.run();
    if (outcome.kind != sa3::TrainingOutcome::Kind::Finished) {
      std::fprintf(stderr, "training failed: %s\n", outcome.error.c_str());
      return 1;
    }
  }
  std::filesystem::remove_all(dir);

  // Medians after warm-up (the first steps allocate and tune kernels).
  const double median = median_after_warmup(seconds_per_step);
  const auto target = target_for(model_name, frames, bf16);
  const char* wait_policy = std::getenv("OMP_WAIT_POLICY");
  std::printf("model %s, T=%lld, %s base, %s r%d, batch 1, %d threads, OMP_WAIT_POLICY=%s\n",
              model_name.c_str(), static_cast<long long>(frames), precision.c_str(),
              settings.adapter_type.c_str(), settings.rank, at::get_num_threads(),
              wait_policy ? wait_policy : "(libgomp default)");
  std::printf("  step times:");
  for (double s : seconds_per_step) std::printf(" %.2f", s);
  std::printf("\n  median step (after warm-up): %.2f s   official: %s   target: %s\n", median,
              target.official, target.ours);
  std::printf("  median CPU time per step: %.2f s (all threads)\n", median_after_warmup(cpu_per_step));
  std::printf("  peak RSS: %.2f GiB   official: 3.3-5.8 GiB   target (small): <= 2.5 GiB\n", peak_rss_gib());
  return 0;
}
