// SPDX-License-Identifier: GPL-3.0-or-later
// RunsPage: the run history. Lists the run folders of the runs folder (status, where it ran,
// model, adapter, steps, final loss, duration), overlays the loss curves of the selected runs and
// diffs their job settings; a run that was running when the studio or the machine died is shown
// as interrupted and can be resumed (resumeRequested(), handled by the Training page).
//
// Lifecycle: owned by the main window; background reads are cancelled and waited for on destruction.
// Threading: run folders are read on the thread pool (BackgroundTask); results come back to the
//   GUI thread. The page never writes into a run folder.
// Errors: an unreadable runs folder is shown on the page; a damaged run is listed as unreadable
//   with the file named in its tooltip.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QMenu;
class QTableView;

namespace sa3::ui {

class BackgroundTask;
class ConfigDiffView;
class LossOverlayChart;
class RunTableModel;

class RunsPage : public QWidget {
  Q_OBJECT
 public:
  explicit RunsPage(QWidget* parent = nullptr);

  // The runs folder: the user's choice, else core's default ($XDG_DATA_HOME/sa3studio/runs).
  static QString runsFolder();
  static void setRunsFolder(const QString& folder);

  void addToMenu(QMenu* menu);
  void refresh();
  // Selects the runs named (folder names) and shows their curves and settings.
  void selectRuns(const QStringList& names);
  QStringList selectedRunFolders() const;

  RunTableModel* model() const { return m_model; }
  LossOverlayChart* chart() const { return m_chart; }
  ConfigDiffView* diff() const { return m_diff; }
  QAction* resumeAction() const { return m_resume; }
  QString notice() const;

 signals:
  void runsRefreshed();
  void detailsShown();
  // The user asked to continue an interrupted run (sa3 train --resume RUN).
  void resumeRequested(const QString& runDir);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void createActions();
  void chooseFolder();
  void showDetails();
  void updateActions();
  void openRunFolder();

  RunTableModel* m_model;
  QTableView* m_table;
  LossOverlayChart* m_chart;
  ConfigDiffView* m_diff;
  QLabel* m_folderLabel;
  QLabel* m_notice;
  BackgroundTask* m_listTask;
  BackgroundTask* m_detailTask;
  QAction* m_refresh = nullptr;
  QAction* m_resume = nullptr;
  QAction* m_openFolder = nullptr;
  QAction* m_chooseFolder = nullptr;
  QAction* m_logScale = nullptr;
  QAction* m_showAll = nullptr;
};

}  // namespace sa3::ui
