// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingPresets: QSettings group "trainingPresets", one key per preset name.
#include "ui/training/training_presets.h"

#include <QSettings>

namespace sa3::ui {
namespace {
const QString kGroup = QStringLiteral("trainingPresets");
}  // namespace

QStringList TrainingPresets::names() {
  QSettings settings;
  settings.beginGroup(kGroup);
  QStringList keys = settings.childKeys();
  keys.sort(Qt::CaseInsensitive);
  return keys;
}

void TrainingPresets::save(const QString& name, const sa3::TrainingJob& job) {
  sa3::TrainingJob preset = job;
  preset.audio_data_url.clear();  // a preset is a recipe, not tied to one dataset
  QSettings settings;
  settings.beginGroup(kGroup);
  settings.setValue(name, QString::fromStdString(sa3::job_to_json(preset)));
}

sa3::Result<sa3::TrainingJob> TrainingPresets::load(const QString& name) {
  QSettings settings;
  settings.beginGroup(kGroup);
  if (!settings.contains(name))
    return sa3::Failure{sa3::ErrorKind::InvalidInput, tr("no preset named “%1”").arg(name).toStdString()};
  const sa3::JobParse parsed =
      sa3::parse_job(settings.value(name).toString().toStdString(), {.require_audio_data_url = false});
  if (!parsed.ok())
    return sa3::Failure{sa3::ErrorKind::InvalidInput,
                        tr("preset “%1”: %2").arg(name, QString::fromStdString(sa3::describe_problems(parsed.problems))).toStdString()};
  return parsed.job;
}

void TrainingPresets::remove(const QString& name) {
  QSettings settings;
  settings.beginGroup(kGroup);
  settings.remove(name);
}

}  // namespace sa3::ui
