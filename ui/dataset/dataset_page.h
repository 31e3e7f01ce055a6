// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetPage: the studio's Dataset page: the clip table (sortable, filterable, multi-select),
// the current clip's pane (waveform, player, caption editor), the stats panel, and the page's
// actions (open, add, import, export, bulk edit, exclude, play). Scanning, QC and file jobs
// run off the GUI thread; caption edits autosave and go through the page's undo stack.
//
// Lifecycle: the destructor cancels running jobs (waiting for them to stop) and flushes
//   unsaved captions, so closing the window never loses an edit.
#pragma once

#include <QWidget>

class QAction;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QUndoStack;

namespace sa3::ui {

class ClipPane;
class ClipPlayer;
class ClipTableModel;
class DatasetFileOps;
class DatasetLoader;
class DatasetWriter;
class StatsPanel;
class TaskProgress;

class DatasetPage : public QWidget {
  Q_OBJECT
 public:
  explicit DatasetPage(QWidget* parent = nullptr);
  ~DatasetPage() override;

  // Adds the page's actions to the window's menus.
  void addToMenus(QMenu* fileMenu, QMenu* editMenu, QMenu* datasetMenu);

  // What a drop or the command line hands over: a folder opens in place, a zip is imported
  // into a folder the user chooses, audio files are copied into the open dataset.
  void openPaths(const QStringList& paths);
  void openFolder(const QString& folder);
  void importZip(const QString& zipPath, const QString& destFolder);
  void exportZip(const QString& zipPath);
  // Opens the bulk edit dialog on the selected clips (all shown clips if none is selected).
  void bulkEdit();
  void setSelectedExcluded(bool excluded);
  // Hides the warnings selected in the stats panel's issue list / shows every hidden issue again.
  void hideSelectedIssues();
  void showHiddenIssues();
  void selectClip(const QString& clipId);
  QStringList selectedClipIds() const;
  // Duration of the longest clip not excluded, in seconds (0 without a dataset).
  double longestClipS() const;

  ClipTableModel* model() const { return m_model; }
  QSortFilterProxyModel* proxy() const { return m_proxy; }
  QTableView* table() const { return m_table; }
  QUndoStack* undoStack() const { return m_undoStack; }
  ClipPane* clipPane() const { return m_clipPane; }
  DatasetWriter* writer() const { return m_writer; }
  DatasetLoader* loader() const { return m_loader; }
  QLineEdit* filterField() const { return m_filter; }
  StatsPanel* statsPanel() const { return m_stats; }

 signals:
  void statusMessage(const QString& message, int timeoutMs);
  // The dataset folder shown changed (empty when none), e.g. for the window title.
  void datasetChanged(const QString& folder);

 private:
  void createActions();
  void buildLayout();
  void connectJobs();
  void updateActions();
  void chooseFolder();
  void chooseFiles();
  void chooseZip();
  void chooseExport();
  void reload();
  void stepClip(int delta);
  void showError(const QString& title, const QString& message);

  ClipTableModel* m_model;
  QSortFilterProxyModel* m_proxy;
  QUndoStack* m_undoStack;
  DatasetWriter* m_writer;
  DatasetLoader* m_loader;
  DatasetFileOps* m_fileOps;
  ClipPlayer* m_player;

  TaskProgress* m_progress = nullptr;
  QLineEdit* m_filter = nullptr;
  QStackedWidget* m_tableStack = nullptr;
  QTableView* m_table = nullptr;
  ClipPane* m_clipPane = nullptr;
  StatsPanel* m_stats = nullptr;

  QAction* m_openFolder = nullptr;
  QAction* m_addFiles = nullptr;
  QAction* m_importZip = nullptr;
  QAction* m_exportZip = nullptr;
  QAction* m_reload = nullptr;
  QAction* m_undo = nullptr;
  QAction* m_redo = nullptr;
  QAction* m_bulkEdit = nullptr;
  QAction* m_find = nullptr;
  QAction* m_exclude = nullptr;
  QAction* m_include = nullptr;
  QAction* m_hideIssues = nullptr;
  QAction* m_showHidden = nullptr;
  QAction* m_playStop = nullptr;
  QAction* m_nextClip = nullptr;
  QAction* m_previousClip = nullptr;
};

}  // namespace sa3::ui
