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

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "model/conditioners.h"
#include "model/dit.h"
#include "model/torch_threads.h"
#include "train/sa3_training_model.h"
#include "train/training_loop.h"

namespace {

std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  return fallback;
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
  std::vector<double> seconds_per_step;
  {
    auto run = sa3::RunFolder::open(dir, true);
    sa3::TrainingControl control;
    double last = 0;
    auto t0 = std::chrono::steady_clock::now();
    control.on_event = [&](const nlohmann::ordered_json& e) {
      if (e["event"] != "step") return;
      const auto now = std::chrono::steady_clock::now();
      last = std::chrono::duration<double>(now - t0).count();
      seconds_per_step.push_back(last);
      t0 = now;
    };
    sa3::TrainingLoop loop(model, {example}, settings, run, control);
    std::printf("adapters: %zu modules, %lld trainable parameters\n", loop.network().adapters().size(),
                static_cast<long long>(loop.network().parameter_count()));
    t0 = std::chrono::steady_clock::now();
    const auto outcome = loop.run();
    if (outcome.kind != sa3::TrainingOutcome::Kind::Finished) {
      std::fprintf(stderr, "training failed: %s\n", outcome.error.c_str());
      return 1;
    }
  }
  std::filesystem::remove_all(dir);

  // Medians after warm-up (the first steps allocate and tune kernels).
  std::vector<double> steady(seconds_per_step.begin() + std::min<size_t>(2, seconds_per_step.size() - 1),
                             seconds_per_step.end());
  std::sort(steady.begin(), steady.end());
  const double median = steady[steady.size() / 2];
  const auto target = target_for(model_name, frames, bf16);
  std::printf("model %s, T=%lld, %s base, %s r%d, batch 1, %d threads\n", model_name.c_str(),
              static_cast<long long>(frames), precision.c_str(), settings.adapter_type.c_str(),
              settings.rank, at::get_num_threads());
  std::printf("  step times:");
  for (double s : seconds_per_step) std::printf(" %.2f", s);
  std::printf("\n  median step (after warm-up): %.2f s   official: %s   target: %s\n", median,
              target.official, target.ours);
  std::printf("  peak RSS: %.2f GiB   official: 3.3-5.8 GiB   target (small): <= 2.5 GiB\n", peak_rss_gib());
  return 0;
}
