// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's analyse_clip() and analyse_clips(): QC on a small pool of worker threads.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "clip_analysis.h"
#include "sa3/dataset.h"

namespace sa3 {

Result<ClipQc> analyse_clip(const Clip& clip) {
  return capture([&] { return dataset::analyse_clip_file(clip.audio_path); });
}

Status analyse_clips(std::vector<Clip>& clips, const QcOptions& options, JobControl& job,
                     const std::function<void(size_t, const ClipQc&)>& on_clip) {
  return capture_status([&] {
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    unsigned threads = options.threads ? options.threads : std::min(hardware, 4u);
    threads = unsigned(std::min<size_t>(threads, std::max<size_t>(clips.size(), 1)));

    std::atomic<size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex report_mutex;  // serialises on_clip, progress and the stores into `clips`
    size_t finished = 0;
    std::exception_ptr failure;

    auto worker = [&] {
      try {
        for (size_t i = next++; i < clips.size() && !stop; i = next++) {
          if (job.cancelled()) break;
          ClipQc qc = dataset::analyse_clip_file(clips[i].audio_path);
          std::lock_guard lock(report_mutex);
          clips[i].qc = std::move(qc);
          if (on_clip) on_clip(i, *clips[i].qc);
          job.progress(double(++finished), double(clips.size()), clips[i].id);
        }
      } catch (...) {
        std::lock_guard lock(report_mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
    };
    std::vector<std::thread> pool;
    try {
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    } catch (...) {
      stop = true;  // the system refused a thread: stop the ones started before reporting it
      for (auto& t : pool) t.join();
      throw;
    }
    worker();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    job.check_cancelled();
  });
}

}  // namespace sa3
