// SPDX-License-Identifier: GPL-3.0-or-later
// LocalTrainingBackend: the Training page's TrainingBackend on sa3::LocalTrainer (this
// machine, CUDA when present). Lives in sa3_ui_train, not sa3_ui, because the trainer's
// implementation links torch; only the studio executable and the tests that train link it.
// Threading and errors: as TrainingBackend; the LocalTrainer runs on its own thread.
#pragma once

#include <filesystem>
#include <string>

#include "sa3/trainer.h"
#include "ui/training/training_backend.h"

namespace sa3::ui {

class LocalTrainingBackend : public TrainingBackend {
 public:
  // `modelsDir` holds <id>/ folders (Hugging Face layout); `device`: auto | cpu | cuda.
  explicit LocalTrainingBackend(std::filesystem::path modelsDir, std::string device = "auto");

  sa3::Status start(const TrainingStart& request) override;
  sa3::Status reattach(const std::filesystem::path& runDir) override;
  bool canPause() const override { return true; }
  void pause() override { m_trainer.pause(); }
  void unpause() override { m_trainer.unpause(); }
  void stop() override { m_trainer.stop(); }
  sa3::Status wait() override;

 private:
  void forwardEvents();

  std::filesystem::path m_modelsDir;
  std::string m_device;
  sa3::LocalTrainer m_trainer;
};

}  // namespace sa3::ui
