// SPDX-License-Identifier: GPL-3.0-or-later
// ModelsPage: which Stable Audio 3 weights are in the models folder (present / missing /
// incomplete / corrupt, size, which job needs them), and downloading, verifying and cancelling
// them through the torch-free facade sa3/hub.h.
//
// Lifecycle: owned by the main window; its destructor cancels a running download (the `.part`
//   files stay, so the next download resumes) and waits for the worker.
// Threading: statuses, downloads and verifies run on the thread pool (BackgroundTask); results
//   come back to the GUI thread. One download or verify at a time.
// Errors: failures are shown on the page; a gated repo (HTTP 401/403) says to accept the licence
//   on the model page and to enter a Hugging Face token in Settings (settingsRequested()).
#pragma once

#include <QString>
#include <QWidget>

#include "sa3/hub.h"

class QAction;
class QLabel;
class QMenu;
class QTableView;

namespace sa3::ui {

class BackgroundTask;
class ModelTableModel;
class SecretStore;
enum class Secret;
enum class SecretSource;

class ModelsPage : public QWidget {
  Q_OBJECT
 public:
  // `secrets` (borrowed, may outlive the page) supplies the Hugging Face token.
  explicit ModelsPage(SecretStore* secrets, QWidget* parent = nullptr);

  void addToMenu(QMenu* menu);
  ModelTableModel* model() const { return m_model; }
  QTableView* table() const { return m_table; }
  QString message() const;
  QAction* downloadAction() const { return m_download; }
  QAction* verifyAction() const { return m_verify; }
  QAction* cancelAction() const { return m_cancel; }

  // Re-reads the models folder (from the studio settings) in the background.
  void refresh();
  void selectModel(const QString& id);
  void download(const QString& id);
  void verify(const QString& id);
  void cancelJob();

 signals:
  void statusesRefreshed();
  // A download or verify ended: `ok` when the model is present afterwards.
  void jobFinished(const QString& id, bool ok);
  void settingsRequested();

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  enum class Work { Download, Verify };
  void createActions();
  void startDownload(const QString& id);
  void showDownloadProgress(const QString& id, const sa3::DownloadProgress& progress);
  void finishJob(const QString& id, Work work, const sa3::Result<sa3::ModelStatus>& result);
  void tokenRead(sa3::ui::Secret which, const QString& value);
  void setMessage(const QString& text, bool problem);
  void updateActions();
  void openFolder();
  QString selectedId() const;

  SecretStore* m_secrets;
  ModelTableModel* m_model;
  QTableView* m_table;
  QLabel* m_folderLabel;
  QLabel* m_progressLabel;
  QLabel* m_message;
  BackgroundTask* m_statusTask;
  BackgroundTask* m_jobTask;
  QAction* m_download = nullptr;
  QAction* m_verify = nullptr;
  QAction* m_cancel = nullptr;
  QAction* m_openFolder = nullptr;
  QAction* m_refresh = nullptr;
  QString m_jobId;          // the id being downloaded or verified; empty when idle
  QString m_token;
  bool m_tokenKnown = false;
  QString m_pendingDownload;  // waits for the token to be read
};

}  // namespace sa3::ui
