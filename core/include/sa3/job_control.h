// SPDX-License-Identifier: GPL-3.0-or-later
// JobControl: how a long core call reports progress and learns that it should stop.
//
// Lifecycle: the caller creates one JobControl per job and keeps it alive until the call returns.
// Ownership: core borrows it by reference; the sinks are the caller's callables.
// Threading: core calls the sinks on its own (worker) thread; a UI forwards them through queued
//   signals. cancel() may be called from any thread.
// Cancellation: core checks cancelled() at safe boundaries (per clip, per step, per sampler step)
//   and then throws sa3::Cancelled, which facades report as a cancelled Result.
//
//   sa3::JobControl job;
//   job.on_progress = [](double done, double total, const std::string& what) { ... };
//   std::thread t([&] { scan(dir, job); });  ...  job.cancel(); t.join();
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

namespace sa3 {

enum class LogLevel { Info, Warning, Error };

class JobControl {
 public:
  // done/total in whatever unit the job counts (clips, bytes, steps); `what` names the item.
  std::function<void(double done, double total, const std::string& what)> on_progress;
  std::function<void(LogLevel level, const std::string& message)> on_log;

  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }
  // Throws sa3::Cancelled when cancel() was called; call at safe boundaries only.
  void check_cancelled() const;

  // Reports progress at most 10 times per second; the final update (done == total) always passes.
  void progress(double done, double total, const std::string& what = {});
  void log(LogLevel level, const std::string& message) const;

 private:
  std::atomic<bool> cancelled_{false};
  std::chrono::steady_clock::time_point last_progress_{};
};

}  // namespace sa3
