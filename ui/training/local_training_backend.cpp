// SPDX-License-Identifier: GPL-3.0-or-later
// LocalTrainingBackend: TrainingBackend calls mapped onto sa3::LocalTrainer.
#include "ui/training/local_training_backend.h"

namespace sa3::ui {

LocalTrainingBackend::LocalTrainingBackend(std::filesystem::path modelsDir, std::string device)
    : m_modelsDir(std::move(modelsDir)), m_device(std::move(device)) {}

void LocalTrainingBackend::forwardEvents() {
  // on_event is set by the page after construction, so it is read when the run begins.
  m_trainer.on_event = [this](const std::string& line) {
    if (on_event) on_event(line);
  };
}

sa3::Status LocalTrainingBackend::start(const TrainingStart& request) {
  forwardEvents();
  sa3::LocalTrainingRequest local;
  local.job = request.job;
  local.dataset = request.dataset;
  local.run_dir = request.run_dir;
  local.models_dir = m_modelsDir;
  local.device = m_device;
  return m_trainer.start(local);
}

sa3::Status LocalTrainingBackend::reattach(const std::filesystem::path& runDir) {
  forwardEvents();
  return m_trainer.resume(runDir, m_modelsDir, m_device);
}

sa3::Status LocalTrainingBackend::wait() {
  const sa3::Result<sa3::LocalTrainingResult> result = m_trainer.wait();
  if (!result) return result.error();
  return sa3::Done{};
}

}  // namespace sa3::ui
