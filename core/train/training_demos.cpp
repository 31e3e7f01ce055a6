// SPDX-License-Identifier: GPL-3.0-or-later
// Validation demos during local training.
#include "train/training_demos.h"

#include <algorithm>
#include <cstdio>

#include "sa3/error.h"
#include "sample/demo_renderer.h"

namespace sa3 {
namespace {

// Captions usually start with the trigger word; a prompt that has it already is left alone.
std::string with_trigger(const std::string& prompt, const std::string& trigger) {
  if (trigger.empty() || prompt.find(trigger) != std::string::npos) return prompt;
  return trigger + ", " + prompt;
}

}  // namespace

std::unique_ptr<TrainingDemos> TrainingDemos::for_job(const TrainingJob& job, Sa3Model& model,
                                                      const std::filesystem::path& run_dir, Emit emit) {
  if (!job.studio || job.studio->demo_every <= 0 || job.studio->demo_prompts.empty()) return nullptr;
  const auto& studio = *job.studio;
  DemoRequest request;
  request.run_dir = run_dir;
  for (const auto& prompt : studio.demo_prompts) request.prompts.push_back(with_trigger(prompt, studio.trigger_word));
  for (const auto seed : studio.demo_seeds) request.seeds.push_back(static_cast<uint64_t>(seed));
  if (request.seeds.empty()) request.seeds.push_back(static_cast<uint64_t>(job.seed));
  // A demo longer than the model renders would fail at every step; render its native length.
  const double longest = static_cast<double>(model.config.sample_size) / static_cast<double>(model.config.sample_rate);
  request.seconds = std::min(studio.demo_seconds, longest);
  if (request.seconds < studio.demo_seconds) {
    char message[160];
    std::snprintf(message, sizeof message, "studio.demo_seconds: %s renders at most %.1f s; demos are %.1f s long",
                  model.id.c_str(), longest, request.seconds);
    emit({{"event", "log"}, {"level", "info"}, {"message", message}});
  }
  return std::unique_ptr<TrainingDemos>(new TrainingDemos(model, std::move(request), studio.demo_every, std::move(emit)));
}

void TrainingDemos::render(int64_t step, JobControl& job) {
  const auto dir = demo_dir(request_.run_dir, step);
  const auto relative = (dir.parent_path().filename() / dir.filename()).generic_string();
  std::error_code ec;
  if (std::filesystem::is_regular_file(dir / "demo.json", ec)) return;
  DemoRequest request = request_;
  request.step = step;
  try {
    render_demo_set(model_, request, job);
  } catch (const Cancelled&) {
    emit_({{"event", "log"}, {"level", "warning"},
           {"message", "demos of step " + std::to_string(step) + " not rendered: the run is stopping (resuming renders them)"}});
    return;
  } catch (const std::exception& e) {
    emit_({{"event", "log"}, {"level", "warning"},
           {"message", "demos of step " + std::to_string(step) + " failed, training goes on: " + e.what()}});
    return;
  }
  emit_({{"event", "demo"}, {"step", step}, {"path", relative}});
}

}  // namespace sa3
