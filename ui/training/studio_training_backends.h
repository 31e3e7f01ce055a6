// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's TrainingBackendFactory: local runs on LocalTrainingBackend with the models folder
// of the settings; remote runs return nullptr (the page says remote training is unavailable)
// until the fal backend is built here too. Part of sa3_ui_train (links torch).
// Threading: call the factory on the GUI thread (it reads the studio settings).
#pragma once

#include "ui/training/training_backend.h"

namespace sa3::ui {

TrainingBackendFactory makeStudioTrainingBackends();

}  // namespace sa3::ui
