// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetFileOps: the page's long file jobs, off the GUI thread: import a fal zip into a
// folder, export the dataset as a fal zip, and copy added audio files (with their sibling
// captions) into the open dataset folder. Files are never overwritten or deleted.
//
// Lifecycle: one job at a time; starting one replaces the running one. The BackgroundTask
//   cancels and waits on destruction (a cancelled import removes what it wrote, in core).
// Signals: finished() carries a sentence for the user and the folder to (re)open, if any.
#pragma once

#include <QObject>
#include <QStringList>
#include <vector>

#include "sa3/dataset.h"
#include "ui/background_task.h"

namespace sa3::ui {

class DatasetFileOps : public QObject {
  Q_OBJECT
 public:
  explicit DatasetFileOps(QObject* parent = nullptr);

  void importZip(const QString& zipPath, const QString& destFolder);
  void exportZip(const std::vector<sa3::Clip>& clips, const sa3::DatasetState& state, const QString& zipPath);
  void addFiles(const QStringList& audioFiles, const QString& datasetFolder);
  BackgroundTask* task() const { return m_task; }

  static bool isAudioFile(const QString& path);

 signals:
  void finished(const QString& summary, const QString& folderToOpen);
  void failed(const QString& message);

 private:
  BackgroundTask* m_task;
};

}  // namespace sa3::ui
