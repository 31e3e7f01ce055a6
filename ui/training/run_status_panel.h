// SPDX-License-Identifier: GPL-3.0-or-later
// RunStatusPanel: the live run's numbers: state (running, pausing, paused, queue position N,
// stopping, ended), step of total with a progress bar, last loss (or "no loss reported"),
// s/step, ETA and elapsed training time. Elapsed ticks every second while the run trains.
// Threading: GUI thread only.
#pragma once

#include <QTimer>
#include <QWidget>

#include "ui/training/run_progress.h"

class QLabel;
class QProgressBar;

namespace sa3::ui {

class RunStatusPanel : public QWidget {
  Q_OBJECT
 public:
  explicit RunStatusPanel(QWidget* parent = nullptr);

  void showProgress(const RunProgress& progress);
  static QString stateText(const RunProgress& progress);
  // "1:02:03" / "4:05": hours only when there are any.
  static QString clockText(double seconds);

  QLabel* stateLabel() const { return m_state; }
  QLabel* stepLabel() const { return m_step; }
  QLabel* lossLabel() const { return m_loss; }
  QLabel* speedLabel() const { return m_speed; }
  QLabel* etaLabel() const { return m_eta; }
  QLabel* elapsedLabel() const { return m_elapsed; }
  QProgressBar* progressBar() const { return m_bar; }

 private:
  void render();

  RunProgress m_progress;
  QLabel* m_state;
  QLabel* m_step;
  QLabel* m_loss;
  QLabel* m_speed;
  QLabel* m_eta;
  QLabel* m_elapsed;
  QProgressBar* m_bar;
  QTimer m_tick;
};

}  // namespace sa3::ui
