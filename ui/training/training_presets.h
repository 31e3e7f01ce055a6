// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingPresets: named training jobs saved in the studio's settings as job JSON (the same
// text as a run's job.json), so a preset can also be copied to the CLI.
// Threading: GUI thread. Errors: a preset whose JSON no longer parses is reported by load().
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include "sa3/error.h"
#include "sa3/job.h"

namespace sa3::ui {

class TrainingPresets {
  Q_DECLARE_TR_FUNCTIONS(TrainingPresets)
 public:
  static QStringList names();
  static void save(const QString& name, const sa3::TrainingJob& job);
  static sa3::Result<sa3::TrainingJob> load(const QString& name);
  static void remove(const QString& name);
};

}  // namespace sa3::ui
