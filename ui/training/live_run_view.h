// SPDX-License-Identifier: GPL-3.0-or-later
// LiveRunView: the Training page's view of the run in progress: its numbers and progress bar
// (RunStatusPanel), the loss chart with log-scale and zoom controls (LiveLossChart) and the
// log pane (RunLogView), all fed from the run's progress events.
// Threading: GUI thread only; events arrive in batches from RunController.
#pragma once

#include <QList>
#include <QWidget>

#include "ui/training/run_event.h"
#include "ui/training/run_progress.h"

class QAction;

namespace sa3::ui {

class LiveLossChart;
class RunLogView;
class RunStatusPanel;

class LiveRunView : public QWidget {
  Q_OBJECT
 public:
  explicit LiveRunView(QWidget* parent = nullptr);

  // Clears the view for a new run (or a run being reattached, whose history follows).
  void beginRun(RunProgress::State state);
  // `history`: events read back from progress.jsonl, up to where the last session stopped.
  void applyEvents(const QList<RunEvent>& events, bool history);
  // States the buttons enter before the trainer confirms them (Pausing, Stopping).
  void setState(RunProgress::State state);
  // The run ended; `state` is Finished, Stopped or Failed. Events usually said so already.
  void endRun(RunProgress::State state, const QString& message);

  const RunProgress& progress() const { return m_progress; }
  LiveLossChart* chart() const { return m_chart; }
  RunLogView* log() const { return m_log; }
  RunStatusPanel* status() const { return m_status; }
  QAction* logScaleAction() const { return m_logScale; }
  QAction* resetZoomAction() const { return m_resetZoom; }

 private:
  void refresh();

  RunProgress m_progress;
  RunStatusPanel* m_status;
  LiveLossChart* m_chart;
  RunLogView* m_log;
  QAction* m_logScale;
  QAction* m_resetZoom;
};

}  // namespace sa3::ui
