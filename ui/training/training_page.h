// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingPage: the job form with presets, local/remote choice, the cost/time estimate and
// "Copy job JSON" / "Copy CLI command". The remote choice stays disabled, with the reason,
// until a fal key is known (environment or keychain).
// Ownership: borrows the SecretStore (owned by the main window), which outlives the page.
#pragma once

#include <QWidget>

#include "sa3/job.h"

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QRadioButton;

namespace sa3::ui {

class SecretStore;
class TrainingForm;

class TrainingPage : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingPage(SecretStore* secrets, QWidget* parent = nullptr);

  void addToMenu(QMenu* trainingMenu);
  // The dataset the job trains on (the Dataset page's folder) and its longest clip.
  void setDataset(const QString& folder, double longestClipS);

  TrainingForm* form() const { return m_form; }
  QRadioButton* remoteButton() const { return m_remote; }
  QLabel* estimateLabel() const { return m_estimate; }
  QComboBox* presetChooser() const { return m_presets; }

  QString jobJson() const;
  QString cliCommand() const;
  void copyJobJson();
  void copyCliCommand();
  void savePreset(const QString& name);
  void loadPreset(const QString& name);
  void deletePreset(const QString& name);

 signals:
  void statusMessage(const QString& message, int timeoutMs);

 private:
  void refreshPresets();
  void refreshEstimate();
  void askPresetName();

  SecretStore* m_secrets;
  TrainingForm* m_form;
  QComboBox* m_presets;
  QRadioButton* m_local;
  QRadioButton* m_remote;
  QLabel* m_remoteNote;
  QLabel* m_estimate;
  QLabel* m_dataset;
  QString m_datasetFolder;
  QList<QAction*> m_actions;
};

}  // namespace sa3::ui
