// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's TrainingBackendFactory: local runs on LocalTrainingBackend with the models folder
// of the settings, remote runs on RemoteTrainingBackend with the fal key of `secrets` (which
// must outlive the factory). Part of sa3_ui_train (links torch).
// Threading: call the factory on the GUI thread (it reads the studio settings).
#pragma once

#include "ui/training/training_backend.h"

namespace sa3::ui {

class SecretStore;

TrainingBackendFactory makeStudioTrainingBackends(SecretStore* secrets);

}  // namespace sa3::ui
