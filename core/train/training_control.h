// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingControl: how the outside world steers a running TrainingLoop and hears from it.
//
// Threading: request_*() may be called from any thread (and request_stop() from a signal
// handler: it only stores an atomic). on_event is called on the trainer's thread after the
// event is on disk; keep it short (queue it), it must not block the trainer.
// Cancellation: a stop request finishes the current step, writes a checkpoint and returns.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include <nlohmann/json.hpp>

namespace sa3 {

class TrainingControl {
 public:
  std::function<void(const nlohmann::ordered_json& event)> on_event;

  void request_stop() { stop_.store(true); }
  void request_pause() { pause_.store(true); }
  void request_resume() { pause_.store(false); }
  bool stop_requested() const { return stop_.load(); }
  bool pause_requested() const { return pause_.load() && !stop_.load(); }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<bool> pause_{false};
};

}  // namespace sa3
