// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetLoader: opens a dataset folder off the GUI thread: scan (headers and captions, fast),
// then full QC of every clip (decode, hash, loudness, waveform thumbnail) in the background,
// delivering each clip's QC as it finishes so the table fills in progressively.
//
// Lifecycle: open() replaces any load in progress (its late results are dropped). A reload
//   passes the clips already known, whose QC is kept when the file looks unchanged.
// Threading: GUI-thread API; the work runs in the BackgroundTask, which cancels and waits on
//   destruction.
#pragma once

#include <QObject>
#include <vector>

#include "sa3/dataset.h"
#include "ui/background_task.h"

namespace sa3::ui {

class DatasetLoader : public QObject {
  Q_OBJECT
 public:
  explicit DatasetLoader(QObject* parent = nullptr);

  void open(const QString& folder, const std::vector<sa3::Clip>& known = {});
  void cancel() { m_task->cancel(); }
  bool isBusy() const { return m_task->isRunning(); }
  BackgroundTask* task() const { return m_task; }

 signals:
  void loaded(const sa3::DatasetScan& scan, const sa3::DatasetState& state);
  void stateProblem(const QString& message);  // a corrupt dataset.json; defaults are used
  void clipAnalysed(const QString& id, const sa3::ClipQc& qc);
  void analysisFinished(int clips);
  void failed(const QString& message);

 private:
  BackgroundTask* m_task;
};

}  // namespace sa3::ui
