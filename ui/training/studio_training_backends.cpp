// SPDX-License-Identifier: GPL-3.0-or-later
// makeStudioTrainingBackends: which backend trains a run of each target.
#include "ui/training/studio_training_backends.h"

#include <QFile>

#include "ui/settings/studio_settings.h"
#include "ui/training/local_training_backend.h"
#include "ui/training/remote_training_backend.h"

namespace sa3::ui {

TrainingBackendFactory makeStudioTrainingBackends(SecretStore* secrets) {
  return [remote = makeRemoteTrainingBackends(secrets)](TrainingTarget target) -> std::unique_ptr<TrainingBackend> {
    switch (target) {
      case TrainingTarget::Local:
        return std::make_unique<LocalTrainingBackend>(QFile::encodeName(StudioSettings::modelsFolder()).toStdString());
      case TrainingTarget::Remote:
        return remote();
    }
    return nullptr;
  };
}

}  // namespace sa3::ui
