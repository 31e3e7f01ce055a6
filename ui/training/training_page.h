// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingPage: the job form with presets, local/remote choice, the cost/time estimate and
// "Copy job JSON" / "Copy CLI command", and the live run: Start / Pause / Resume / Stop with
// the run's numbers, loss chart and log (LiveRunView). The remote choice stays disabled, with
// the reason, until a fal key is known (environment or keychain).
// Runs go into a new folder of the runs folder (RunsPage::runsFolder()); a run of the Runs
// page continues here through reattachRun(). A run that ends notifies the desktop.
// Ownership: borrows the SecretStore (owned by the main window), which outlives the page; owns
//   the RunController, whose destructor detaches a run still training (see TrainingBackend::detach).
#pragma once

#include <QHash>
#include <QWidget>

#include "sa3/job.h"
#include "ui/training/run_controller.h"
#include "ui/training/training_backend.h"

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QRadioButton;

namespace sa3::ui {

class LiveRunView;
class RunNotifier;
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

  // Where runs train: the studio passes makeStudioTrainingBackends(), tests their own.
  void setBackendFactory(TrainingBackendFactory factory);
  // Starts the form's job in a new run folder; false (with a status message) when the form has
  // problems, no dataset is open, a run is active or no backend trains the chosen target.
  bool startRun();
  void pauseRun();
  void resumePausedRun();
  // The trainer finishes its step and writes a checkpoint; the buttons respond at once.
  void stopRun();
  // Continues an existing run (an interrupted one from the Runs page): its curve and log so far
  // are shown first, then the run trains on from its newest checkpoint.
  bool reattachRun(const QString& runDir);

  LiveRunView* liveView() const { return m_live; }
  RunController* runController() const { return m_run; }
  RunNotifier* notifier() const { return m_notifier; }
  QAction* startAction() const { return m_start; }
  QAction* pauseAction() const { return m_pause; }
  QAction* resumeAction() const { return m_resume; }
  QAction* stopAction() const { return m_stop; }

 signals:
  void statusMessage(const QString& message, int timeoutMs);
  void runStarted(const QString& runDir);
  void runEnded(const QString& runDir);

 private:
  QWidget* buildRunPane();
  void refreshPresets();
  void refreshEstimate();
  void measureLocalSpeed();
  void askPresetName();
  void updateRunActions();
  void onRunEnded(RunController::Outcome outcome, const QString& message);
  QString newRunFolder(const sa3::TrainingJob& job) const;

  SecretStore* m_secrets;
  TrainingForm* m_form;
  QComboBox* m_presets;
  QRadioButton* m_local;
  QRadioButton* m_remote;
  QLabel* m_remoteNote;
  QLabel* m_estimate;
  QLabel* m_dataset;
  QString m_datasetFolder;
  // Seconds per step of the newest finished local run of each model on this machine.
  QHash<QString, double> m_localSecondsPerStep;
  QList<QAction*> m_actions;
  RunController* m_run;
  LiveRunView* m_live;
  RunNotifier* m_notifier;
  QAction* m_start = nullptr;
  QAction* m_pause = nullptr;
  QAction* m_resume = nullptr;
  QAction* m_stop = nullptr;
};

}  // namespace sa3::ui
