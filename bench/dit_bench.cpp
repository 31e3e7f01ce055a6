// SPDX-License-Identifier: GPL-3.0-or-later
// dit_bench: DiT forward and forward+backward time and peak memory for the real small and
// medium shapes (random weights, batch 1, 257 cross tokens), next to spec/performance.md.
// forward+backward freezes the weights and back-propagates to the activations, which is what
// a LoRA step pays besides its adapters.
//
//   dit_bench [small|medium|all=all] [fp32|bf16=fp32] [frames=64,256] [runs=3] [cpu|cuda=cpu]
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/dit.h"
#include "model/torch_threads.h"
#include "sa3/openmp_wait.h"

namespace {

struct Family {
  const char* name;
  sa3::DiffusionTransformerOptions options;
};

// spec/sa3-model.md §1.2.
sa3::DiffusionTransformerOptions real_options(bool medium) {
  sa3::DiffusionTransformerOptions o;
  o.embed_dim = medium ? 1536 : 1024;
  o.depth = medium ? 24 : 20;
  o.num_heads = medium ? 24 : 16;
  o.differential = medium;
  return o;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Peak resident set since the last reset_peak_rss(), in GiB (Linux VmHWM).
double peak_rss_gib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / (1024.0 * 1024.0);
  return 0;
}

void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

std::vector<std::int64_t> parse_frames(const std::string& s) {
  std::vector<std::int64_t> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(std::atoll(item.c_str()));
  return out;
}

// CPU seconds of all this process's threads (wall time is noisy on a shared machine).
double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Timing {
  double wall;
  double cpu;
};

template <typename Fn>
Timing time_median(int runs, const at::Device& device, Fn&& fn) {
  std::vector<double> walls, cpus;
  for (int i = 0; i <= runs; ++i) {  // the first run warms up and is dropped
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = process_cpu_seconds();
    fn();
    // Kernels run asynchronously on CUDA; reading a value back waits for the stream.
    if (device.is_cuda()) (void)at::zeros({1}, at::TensorOptions().device(device)).item<float>();
    if (i == 0) continue;
    walls.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    cpus.push_back(process_cpu_seconds() - cpu_start);
  }
  return {median(walls), median(cpus)};
}

}  // namespace

int main(int argc, char** argv) {
  sa3::use_passive_openmp_wait(argv);
  const std::string which = argc > 1 ? argv[1] : "all";
  const std::string dtype_name = argc > 2 ? argv[2] : "fp32";
  const auto frames = parse_frames(argc > 3 ? argv[3] : "64,256");
  const int runs = argc > 4 ? std::max(1, std::atoi(argv[4])) : 3;
  const at::Device device(argc > 5 ? argv[5] : "cpu");
  const at::ScalarType dtype = dtype_name == "bf16" ? at::kBFloat16 : at::kFloat;
  sa3::init_torch_threads();

  std::vector<Family> families;
  if (which != "medium") families.push_back({"small", real_options(false)});
  if (which != "small") families.push_back({"medium", real_options(true)});

  std::printf("DiT, batch 1, 257 cross tokens, %s weights, %s, %d threads, median of %d after 1 warm-up\n",
              dtype_name.c_str(), device.str().c_str(), at::get_num_threads(), runs);
  std::printf("%-7s %6s %12s %14s %12s %14s %14s\n", "model", "frames", "forward s", "fwd+bwd s", "fwd CPU s",
              "fwd+bwd CPU s", "peak RSS GiB");
  for (const Family& f : families) {
    at::manual_seed(0);
    sa3::DiffusionTransformer dit(f.options);
    dit->to(device, dtype);
    for (auto& p : dit->parameters()) p.set_requires_grad(false);
    for (const std::int64_t t_frames : frames) {
      const auto opts = at::TensorOptions().device(device).dtype(dtype);
      const at::Tensor x = at::randn({1, f.options.io_channels, t_frames}, opts);
      const at::Tensor t = at::rand({1}, opts.dtype(at::kFloat));
      const sa3::DiTConditioning cond{at::randn({1, 257, f.options.cond_token_dim}, opts),
                                      at::randn({1, f.options.global_cond_dim}, opts),
                                      at::randn({1, f.options.local_add_cond_dim, t_frames}, opts),
                                      at::ones({1, t_frames}, opts.dtype(at::kBool))};
      reset_peak_rss();
      const Timing forward = time_median(runs, device, [&] {
        at::NoGradGuard no_grad;
        (void)dit->forward(x, t, cond);
      });
      const Timing backward = time_median(runs, device, [&] {
        const at::Tensor xg = x.detach().requires_grad_(true);
        dit->forward(xg, t, cond).to(at::kFloat).pow(2).mean().backward();
      });
      std::printf("%-7s %6lld %12.3f %14.3f %12.3f %14.3f %14.2f\n", f.name, static_cast<long long>(t_frames),
                  forward.wall, backward.wall, forward.cpu, backward.cpu, peak_rss_gib());
    }
  }
  std::printf("\nTargets (spec/performance.md, same machine class): small DiT forward T=256 with CFG\n"
              "(batch 2) <= 2.0 s (official 4.03 s); small LoRA step T=64 <= 2.0 s (official 5.10 s bf16),\n"
              "T=256 <= 2.8 s (official 6.98 s); medium LoRA step fp32 T=64 <= 10.6 s (official 26.5 s);\n"
              "small training step peak RSS <= 2.5 GiB with checkpointing. A LoRA step adds the\n"
              "adapters, the optimizer and checkpoint recomputation to the fwd+bwd figure here.\n");
  return 0;
}
