// SPDX-License-Identifier: GPL-3.0-or-later
// StudioSettings: QSettings keys and defaults.
#include "ui/settings/studio_settings.h"

#include <QSettings>

#include "sa3/paths.h"

namespace sa3::ui {
namespace {
const QString kModelsFolder = QStringLiteral("paths/modelsFolder");
const QString kLastDataset = QStringLiteral("dataset/lastFolder");
const QString kLastAuditionRun = QStringLiteral("audition/lastRun");
const QString kLintModel = QStringLiteral("dataset/lintModel");
const QString kWindowGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
}  // namespace

QString StudioSettings::defaultModelsFolder() {
  return QString::fromStdString(sa3::default_models_dir().string());
}

QString StudioSettings::modelsFolder() {
  const QString chosen = QSettings().value(kModelsFolder).toString();
  return chosen.isEmpty() ? defaultModelsFolder() : chosen;
}

void StudioSettings::setModelsFolder(const QString& folder) {
  QSettings settings;
  // Storing the default would pin it; an unset key keeps following XDG_DATA_HOME.
  if (folder.isEmpty() || folder == defaultModelsFolder())
    settings.remove(kModelsFolder);
  else
    settings.setValue(kModelsFolder, folder);
}

QString StudioSettings::lastDatasetFolder() { return QSettings().value(kLastDataset).toString(); }

void StudioSettings::setLastDatasetFolder(const QString& folder) {
  QSettings().setValue(kLastDataset, folder);
}

QString StudioSettings::lastAuditionRun() { return QSettings().value(kLastAuditionRun).toString(); }

void StudioSettings::setLastAuditionRun(const QString& folder) { QSettings().setValue(kLastAuditionRun, folder); }

QString StudioSettings::lintModel() {
  // The default recipe trains small-music-base (product.md); its 120 s is the stricter bound.
  return QSettings().value(kLintModel, QStringLiteral("small-music-base")).toString();
}

void StudioSettings::setLintModel(const QString& modelId) { QSettings().setValue(kLintModel, modelId); }

QByteArray StudioSettings::windowGeometry() { return QSettings().value(kWindowGeometry).toByteArray(); }

QByteArray StudioSettings::windowState() { return QSettings().value(kWindowState).toByteArray(); }

void StudioSettings::setWindow(const QByteArray& geometry, const QByteArray& state) {
  QSettings settings;
  settings.setValue(kWindowGeometry, geometry);
  settings.setValue(kWindowState, state);
}

}  // namespace sa3::ui
