// SPDX-License-Identifier: GPL-3.0-or-later
// Validation demo sets: one wav per prompt × seed, then demo.json.
#include "sample/demo_renderer.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "sa3/audio.h"
#include "sa3/error.h"
#include "sample/render_pipeline.h"

namespace sa3 {
namespace {

GenerateSettings settings_for(const DemoRequest& request, size_t prompt, uint64_t seed) {
  GenerateSettings s;
  s.prompt = request.prompts[prompt];
  s.seed = seed;
  s.seconds = request.seconds;
  s.steps = request.steps;
  s.cfg_scale = request.cfg_scale;
  if (!request.lora.empty()) s.loras.push_back({request.lora, request.strength});
  return s;
}

}  // namespace

std::filesystem::path demo_dir(const std::filesystem::path& run_dir, int64_t step) {
  char name[32];
  std::snprintf(name, sizeof name, "step-%06lld", static_cast<long long>(step));
  return run_dir / "demos" / name;
}

std::filesystem::path write_demo_set(const DemoRequest& request, const std::string& model_id,
                                     const DemoRenderFn& render, JobControl& job) {
  if (request.prompts.empty() || request.seeds.empty()) {
    throw_invalid("studio.demo_prompts and studio.demo_seeds: demos need at least one prompt and one seed");
  }
  if (request.step < 0) throw_invalid("demo step: must not be negative");
  const auto dir = demo_dir(request.run_dir, request.step);
  std::filesystem::create_directories(dir);
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  const double total = static_cast<double>(request.prompts.size() * request.seeds.size());
  double done = 0;
  for (size_t p = 0; p < request.prompts.size(); ++p) {
    for (const uint64_t seed : request.seeds) {
      job.check_cancelled();
      const std::string name = std::to_string(p) + "-" + std::to_string(seed) + ".wav";
      const AudioBuffer audio = render(settings_for(request, p, seed));
      const Status written = write_audio(dir / name, audio);
      if (!written) throw Error(written.error().kind, written.error().message);
      files.push_back({{"file", name}, {"prompt_index", p}, {"prompt", request.prompts[p]}, {"seed", seed}});
      job.progress(++done, total, "demo");
    }
  }
  const nlohmann::ordered_json demo = {{"step", request.step},
                                       {"model", model_id},
                                       {"lora", request.lora.empty() ? nlohmann::ordered_json(nullptr)
                                                                     : nlohmann::ordered_json(request.lora.string())},
                                       {"strength", request.strength},
                                       {"seconds", request.seconds},
                                       {"steps", request.steps},
                                       {"cfg_scale", request.cfg_scale},
                                       {"files", files}};
  write_file_atomic(dir / "demo.json", demo.dump(2) + "\n");
  return dir;
}

std::filesystem::path render_demo_set(Sa3Model& model, const DemoRequest& request, JobControl& job) {
  DemoRequest live = request;
  live.lora.clear();
  return write_demo_set(live, model.id,
                        [&](const GenerateSettings& settings) {
                          const at::Tensor audio = render_audio(model, settings, nullptr, job);
                          AudioBuffer out;
                          out.sample_rate = static_cast<int>(model.config.sample_rate);
                          out.channels = static_cast<int>(audio.size(0));
                          const at::Tensor interleaved = audio.t().contiguous();
                          out.samples.assign(interleaved.data_ptr<float>(),
                                             interleaved.data_ptr<float>() + interleaved.numel());
                          return out;
                        },
                        job);
}

Result<std::filesystem::path> render_demos(Generator& generator, const DemoRequest& request, JobControl& job) {
  return capture([&] {
    return write_demo_set(request, generator.model(),
                          [&](const GenerateSettings& settings) {
                            auto audio = generator.render(settings, job);
                            if (!audio) throw Error(audio.error().kind, audio.error().message);
                            return std::move(*audio);
                          },
                          job);
  });
}

}  // namespace sa3
