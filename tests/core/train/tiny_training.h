// SPDX-License-Identifier: GPL-3.0-or-later
// The setup of the LocalTrainer tests: a tiny random model, a generated dataset of captioned
// stereo sines, and a CPU request that trains on them.
#pragma once

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "model/sa3_model.h"
#include "sa3/audio.h"
#include "sa3/trainer.h"
#include "test_support.h"

namespace sa3::test {

inline void write_sine_clip(const std::filesystem::path& dir, const std::string& name, double freq, double seconds,
                            const std::string& caption) {
  AudioBuffer audio;
  audio.sample_rate = 44100;
  audio.channels = 2;
  const auto frames = static_cast<int64_t>(seconds * 44100);
  for (int64_t i = 0; i < frames; ++i) {
    const float v = 0.5f * static_cast<float>(std::sin(2 * M_PI * freq * static_cast<double>(i) / 44100.0));
    audio.samples.push_back(v);
    audio.samples.push_back(v);
  }
  ASSERT_TRUE(write_audio(dir / (name + ".wav"), audio));
  write_text(dir / (name + ".txt"), caption);
}

// <dir>/models/<model>: a tiny random model; <dir>/data: two captioned sines.
inline void write_tiny_training_folder(const std::filesystem::path& dir, const std::string& model) {
  write_tiny_sa3_model(dir / "models", model, 1);
  std::filesystem::create_directories(dir / "data");
  write_sine_clip(dir / "data", "low", 220, 1.2, "a low sine");
  write_sine_clip(dir / "data", "high", 880, 0.8, "a high sine");
}

// Trains <dir>/data with <dir>/models on the CPU into <dir>/<run>; the job keeps fal's defaults
// but for the model.
inline LocalTrainingRequest tiny_training_request(const std::filesystem::path& dir, const std::string& run,
                                                  const std::string& model) {
  LocalTrainingRequest r;
  r.job.model = model;
  r.dataset = dir / "data";
  r.run_dir = dir / run;
  r.models_dir = dir / "models";
  r.device = "cpu";
  return r;
}

inline Result<LocalTrainingResult> train_to_end(const LocalTrainingRequest& request) {
  LocalTrainer trainer;
  if (auto started = trainer.start(request); !started) return started.error();
  return trainer.wait();
}

}  // namespace sa3::test
