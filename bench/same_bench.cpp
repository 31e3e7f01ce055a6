// SPDX-License-Identifier: GPL-3.0-or-later
// same_bench: SAME-S and SAME-L encode time per second of audio (real shapes, random
// weights), in fp32 and bf16, next to the spec/performance.md targets.
//
//   same_bench [seconds_of_audio=10] [runs=3]
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "model/autoencoders/same_presets.h"
#include "model/torch_threads.h"
#include "sa3/openmp_wait.h"

namespace {

struct Case {
  const char* name;
  sa3::AudioAutoencoderOptions options;
  double official_s;  // official PyTorch code, seconds per second of audio (performance.md)
  double target_s;    // our target
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  sa3::use_passive_openmp_wait(argv);
  const double seconds = argc > 1 ? std::atof(argv[1]) : 10.0;
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  sa3::init_torch_threads();
  at::NoGradGuard no_grad;
  const auto samples = static_cast<int64_t>(seconds * 44100);
  const at::Tensor audio = at::randn({1, 2, samples}) * 0.1;
  std::printf("SAME encode, %.1f s of 44.1 kHz stereo, %d threads, median of %d runs after 1 warm-up\n", seconds,
              at::get_num_threads(), runs);
  std::printf("%-7s %-5s %14s %10s %10s\n", "model", "dtype", "s per s audio", "official", "target");
  const std::vector<Case> cases = {{"SAME-S", sa3::same_s_options(), 0.13, 0.065},
                                   {"SAME-L", sa3::same_l_options(), 1.8, 0.45}};
  for (const Case& c : cases) {
    for (const at::ScalarType dtype : {at::kFloat, at::kBFloat16}) {
      sa3::AudioAutoencoder model = sa3::make_random_autoencoder(c.options, 1);
      model->to(dtype);
      std::vector<double> times;
      for (int i = 0; i <= runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const at::Tensor z = model->encode_audio(audio, /*chunked=*/true);
        const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (i > 0) times.push_back(t);
        if (z.size(1) != 256) std::fprintf(stderr, "unexpected latent shape\n");
      }
      const double per_second = median(times) / seconds;
      std::printf("%-7s %-5s %14.4f %10.3f %10.3f %s\n", c.name, dtype == at::kFloat ? "fp32" : "bf16", per_second,
                  c.official_s, c.target_s, per_second <= c.target_s ? "meets target" : "misses target");
    }
  }
  return 0;
}
