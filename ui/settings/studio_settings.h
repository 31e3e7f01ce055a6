// SPDX-License-Identifier: GPL-3.0-or-later
// Typed access to the studio's QSettings, so keys and defaults live in one place.
// Secrets never go through here: they belong to SecretStore.
// Threading: GUI thread only (QSettings is reentrant, but the studio reads it from one thread).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sa3::ui {

class StudioSettings {
 public:
  // The models folder: the user's choice, else core's default ($XDG_DATA_HOME/sa3studio/models).
  static QString modelsFolder();
  static void setModelsFolder(const QString& folder);
  static QString defaultModelsFolder();

  // Where File → Open Folder starts, and the last dataset opened (reopened on the next start).
  static QString lastDatasetFolder();
  static void setLastDatasetFolder(const QString& folder);

  // The run the Audition page showed last (reopened on the next start).
  static QString lastAuditionRun();
  static void setLastAuditionRun(const QString& folder);

  // The model id the dataset is checked against (its native length bounds clip durations).
  static QString lintModel();
  static void setLintModel(const QString& modelId);

  // The main window's geometry and dock/toolbar state, restored at the next start.
  static QByteArray windowGeometry();
  static QByteArray windowState();
  static void setWindow(const QByteArray& geometry, const QByteArray& state);
};

}  // namespace sa3::ui
