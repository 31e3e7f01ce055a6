// SPDX-License-Identifier: GPL-3.0-or-later
// InterruptScope: while it lives, Ctrl+C (SIGINT) asks the running job to stop instead of
// killing the process, so a command can report "interrupted", leave resumable files and exit
// with 130. The previous handler (and the enclosing scope's action) come back when it dies.
//
// The stop action runs inside the signal handler: it may only touch atomics
// (JobControl::cancel, LocalTrainer::stop), never allocate, lock or print.
// Threading: create and destroy scopes on the main thread, nested like any RAII object.
//
//   sa3::JobControl job;
//   const InterruptScope interrupt(job);
//   auto scan = sa3::scan_dataset(folder, job);  // Ctrl+C -> a cancelled Result
#pragma once

#include <atomic>
#include <csignal>

#include "sa3/job_control.h"

namespace sa3::cli {

class InterruptScope {
 public:
  using StopAction = void (*)(void* target);

  // Ctrl+C calls stop(target).
  InterruptScope(StopAction stop, void* target) : binding_{stop, target}, enclosing_(current_.exchange(&binding_)) {
    struct sigaction action {};
    action.sa_handler = &InterruptScope::handle;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_action_);
  }
  // Ctrl+C cancels the job at its next safe boundary.
  explicit InterruptScope(JobControl& job)
      : InterruptScope([](void* target) { static_cast<JobControl*>(target)->cancel(); }, &job) {}

  ~InterruptScope() {
    sigaction(SIGINT, &previous_action_, nullptr);
    current_.store(enclosing_);
  }
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

 private:
  // Action and target change together through one atomic pointer, so a signal never sees a
  // new target with an old action.
  struct Binding {
    StopAction stop;
    void* target;
  };

  static void handle(int) {
    if (const Binding* b = current_.load()) b->stop(b->target);
  }

  static_assert(std::atomic<const Binding*>::is_always_lock_free, "a signal handler may only use lock-free atomics");
  static inline std::atomic<const Binding*> current_{nullptr};

  const Binding binding_;
  const Binding* const enclosing_;
  struct sigaction previous_action_ {};
};

}  // namespace sa3::cli
