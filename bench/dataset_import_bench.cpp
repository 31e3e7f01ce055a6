// SPDX-License-Identifier: GPL-3.0-or-later
// dataset_import_bench: imports a generated dataset the way the Dataset page does and prints
// the wall time until every clip is known from its header (issue 2 target: <= 2 s for 2,000
// clips), the time until full QC is done (<= 60 s on 2 cores) and the peak RSS.
//
//   dataset_import_bench [--clips N] [--threads T] [--dir DIR]
// Without --dir the clips (5-30 s, alternating WAV and FLAC, 44.1/48 kHz, mono/stereo) are
// generated in a temporary folder and removed afterwards; with --dir an existing folder is
// reused as is (or filled first if it has no audio). Generation runs in a child process so
// the RSS printed is the import's alone. The page cache is warm (the files were just written).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "sa3/audio.h"
#include "sa3/dataset.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  size_t clips = 2000;
  unsigned threads = 2;
  fs::path dir;
};

sa3::AudioBuffer make_clip(size_t index) {
  std::mt19937 gen(uint32_t(index) * 7919u + 1);
  std::uniform_real_distribution<double> seconds(5.0, 30.0);
  sa3::AudioBuffer a;
  a.sample_rate = index % 3 == 0 ? 48000 : 44100;
  a.channels = index % 4 == 1 ? 1 : 2;
  const size_t frames = size_t(seconds(gen) * a.sample_rate);
  a.samples.resize(frames * size_t(a.channels));
  std::uniform_real_distribution<float> noise(-0.05f, 0.05f);
  const double hz = 80.0 + double(index % 40) * 25.0;
  for (size_t f = 0; f < frames; ++f) {
    const float tone = 0.4f * float(std::sin(2 * std::numbers::pi * hz * double(f) / a.sample_rate));
    for (int c = 0; c < a.channels; ++c) a.samples[f * size_t(a.channels) + size_t(c)] = tone + noise(gen);
  }
  return a;
}

// Writes clips [0, n) with `threads` workers; returns false (after printing why) on failure.
bool generate(const fs::path& dir, size_t n, unsigned threads) {
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  auto worker = [&] {
    for (size_t i = next++; i < n && !failed; i = next++) {
      const std::string stem = "clip" + std::to_string(i);
      const fs::path sub = dir / ("folder" + std::to_string(i / 250));
      const auto s = sa3::write_audio(sub / (stem + (i % 2 ? ".flac" : ".wav")), make_clip(i));
      if (!s) {
        std::fprintf(stderr, "%s\n", s.error().message.c_str());
        failed = true;
      }
      std::ofstream(sub / (stem + ".txt")) << "generated clip " << i << ", tone " << 80 + (i % 40) * 25 << " Hz";
    }
  };
  for (size_t f = 0; f * 250 < n; ++f) fs::create_directories(dir / ("folder" + std::to_string(f)));
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  return !failed;
}

bool generate_in_child(const fs::path& dir, size_t n, unsigned threads) {
  const pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) _exit(generate(dir, n, threads) ? 0 : 1);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// User + system CPU seconds of this process: on a shared machine, wall time shows the load of
// others too, while CPU time / threads is what the same job takes on idle cores.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         1e-6 * double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;
}

bool has_audio(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.path().extension() == ".wav" || e.path().extension() == ".flac") return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--clips") opt.clips = std::stoul(argv[i + 1]);
    else if (key == "--threads") opt.threads = unsigned(std::stoul(argv[i + 1]));
    else if (key == "--dir") opt.dir = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: dataset_import_bench [--clips N] [--threads T] [--dir DIR]\n");
      return 2;
    }
  }
  const bool temporary = opt.dir.empty();
  if (temporary) opt.dir = fs::temp_directory_path() / ("sa3-dataset-bench-" + std::to_string(getpid()));

  if (!has_audio(opt.dir)) {
    std::printf("generating %zu clips in %s ...\n", opt.clips, opt.dir.c_str());
    std::fflush(stdout);
    const auto t0 = Clock::now();
    if (!generate_in_child(opt.dir, opt.clips, std::max(2u, std::thread::hardware_concurrency()))) {
      std::fprintf(stderr, "generation failed\n");
      return 1;
    }
    std::printf("generated in %.1f s\n", seconds_since(t0));
  }

  sa3::JobControl job;
  const auto t0 = Clock::now();
  const double cpu0 = cpu_seconds();
  auto scan = sa3::scan_dataset(opt.dir, job);
  if (!scan) {
    std::fprintf(stderr, "%s\n", scan.error().message.c_str());
    return 1;
  }
  const double header_s = seconds_since(t0);
  const double header_cpu_s = cpu_seconds() - cpu0;
  double audio_s = 0;
  for (const auto& c : scan->clips) audio_s += c.duration_s;

  const auto t1 = Clock::now();
  const double cpu1 = cpu_seconds();
  size_t done = 0;
  const auto qc = sa3::analyse_clips(scan->clips, {.threads = opt.threads}, job,
                                     [&](size_t, const sa3::ClipQc&) { ++done; });
  if (!qc) {
    std::fprintf(stderr, "%s\n", qc.error().message.c_str());
    return 1;
  }
  const double qc_s = seconds_since(t1);
  const double qc_cpu_s = cpu_seconds() - cpu1;
  const auto t2 = Clock::now();
  const auto issues = sa3::lint(scan->clips, {}, {});
  const double lint_s = seconds_since(t2);

  std::printf("clips                      %zu (%.0f s of audio)\n", scan->clips.size(), audio_s);
  std::printf("table from headers         %.2f s wall, %.2f s CPU   (target <= 2 s)\n", header_s, header_cpu_s);
  std::printf("full QC, %u threads         %.1f s wall, %.1f s CPU = %.1f s on %u idle cores   (target <= 60 s on 2)\n",
              opt.threads, qc_s, qc_cpu_s, qc_cpu_s / opt.threads, opt.threads);
  std::printf("lint                       %.3f s   (%zu issues)\n", lint_s, issues.size());
  std::printf("peak RSS                   %.0f MiB\n", peak_rss_mib());
  if (temporary) fs::remove_all(opt.dir);
  return done == scan->clips.size() ? 0 : 1;
}
