// SPDX-License-Identifier: GPL-3.0-or-later
// makeGeneratorRenderFunction: a cached sa3::Generator behind a mutex.
#include "ui/audition/generator_render_function.h"

#include <memory>
#include <mutex>

namespace sa3::ui {
namespace {

struct CachedGenerator {
  std::mutex mutex;
  std::unique_ptr<sa3::Generator> generator;
  std::filesystem::path modelsDir;
  std::string model;
};

}  // namespace

RenderFunction makeGeneratorRenderFunction() {
  auto cache = std::make_shared<CachedGenerator>();
  return [cache](const sa3::ModelSelection& selection, const sa3::GenerateSettings& settings,
                 sa3::JobControl& job) -> sa3::Result<sa3::AudioBuffer> {
    const std::lock_guard lock(cache->mutex);
    if (!cache->generator || cache->modelsDir != selection.models_dir || cache->model != selection.model) {
      cache->generator.reset();
      auto opened = sa3::Generator::open(selection, job);
      if (!opened) return opened.error();
      cache->generator = std::move(*opened);
      cache->modelsDir = selection.models_dir;
      cache->model = selection.model;
    }
    return cache->generator->render(settings, job);
  };
}

}  // namespace sa3::ui
