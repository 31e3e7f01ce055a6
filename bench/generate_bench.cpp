// SPDX-License-Identifier: GPL-3.0-or-later
// generate_bench: render time of text-to-audio with random weights in the released shapes
// (small: 459M DiT + SAME-S; medium: 1.45B differential DiT + SAME-L), for 10 s and 30 s, on
// the CPU (or CUDA with --device cuda). Prints conditioning, sampling (per step) and decoding
// times next to the figures of spec/sa3-model.md §7.
//   generate_bench [--models small-music,medium] [--seconds 10,30] [--steps 8] [--device cpu]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include <ATen/Context.h>

#include "base/atomic_file.h"
#include "model/sa3_model.h"
#include "model/t5gemma/tiny_tokenizer.h"
#include "model/torch_threads.h"
#include "sa3/openmp_wait.h"
#include "sa3/job_control.h"
#include "sample/render_layout.h"
#include "sample/render_pipeline.h"

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) parts.push_back(part);
  return parts;
}

}  // namespace

int main(int argc, char** argv) {
  sa3::use_passive_openmp_wait(argv);
  std::string models = "small-music,medium", seconds_list = "10,30", device_name = "cpu";
  int steps = 8;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--models")) models = argv[i + 1];
    else if (!std::strcmp(argv[i], "--seconds")) seconds_list = argv[i + 1];
    else if (!std::strcmp(argv[i], "--steps")) steps = std::stoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--device")) device_name = argv[i + 1];
  }
  sa3::init_torch_threads();
  const bool cuda = device_name == "cuda" && at::hasCUDA();
  sa3::Sa3LoadOptions options;
  options.device = cuda ? c10::Device(c10::kCUDA) : c10::Device(c10::kCPU);
  options.dtype = cuda ? c10::kHalf : c10::kFloat;
  // The prompt's tokens only need to exist; the tiny tokenizer's ids are valid in any vocabulary.
  const auto tokenizer_file = std::filesystem::temp_directory_path() / "sa3-generate-bench-tokenizer.model";
  sa3::write_tiny_tokenizer_model(tokenizer_file);
  const auto tokenizer = std::make_shared<const sa3::T5GemmaTokenizer>(tokenizer_file);

  std::printf("generate_bench: %s, %d threads, %d sampler steps, random weights (full shapes)\n",
              cuda ? "CUDA fp16" : "CPU fp32", at::get_num_threads(), steps);
  std::printf("%-12s %7s %9s %12s %11s %10s %9s %9s\n", "model", "seconds", "latents", "condition_s", "sample_s",
              "per_step_s", "decode_s", "total_s");
  for (const std::string& id : split(models)) {
    const auto built = Clock::now();
    auto model = sa3::random_sa3_model(id, sa3::ModelScale::Full, options, 1);
    model->tokenizer = tokenizer;
    std::printf("# %s built in %.1f s\n", id.c_str(), since(built));
    for (const std::string& s : split(seconds_list)) {
      sa3::GenerateSettings settings;
      settings.prompt = "bright plucked synth arpeggio over a warm pad";
      settings.seconds = std::stod(s);
      settings.seed = 7;
      settings.steps = steps;
      sa3::JobControl job;
      const auto start = Clock::now();
      double first_step = -1, last_step = 0;
      // Decoding starts when the last step ends (JobControl may throttle the "decode" start).
      job.on_progress = [&](double, double, const std::string& what) {
        if (what == "step" && first_step < 0) first_step = since(start);
        if (what == "step") last_step = since(start);
      };
      const at::Tensor audio = sa3::render_audio(*model, settings, nullptr, job);
      const double total = since(start);
      sa3::RenderGeometry geometry;
      geometry.max_samples = model->config.sample_size;
      const int64_t latents = sa3::layout_for_duration(settings.seconds, geometry).latent_length;
      // The first step ends after conditioning and one model call: split by the mean step.
      const double per_step = steps > 1 ? (last_step - first_step) / (steps - 1) : first_step;
      std::printf("%-12s %7.0f %9lld %12.2f %11.2f %10.2f %9.2f %9.2f\n", id.c_str(), settings.seconds,
                  static_cast<long long>(latents), first_step - per_step, last_step - (first_step - per_step), per_step,
                  total - last_step, total);
      std::fflush(stdout);
      (void)audio;
    }
  }
  std::filesystem::remove(tokenizer_file);
  return 0;
}
