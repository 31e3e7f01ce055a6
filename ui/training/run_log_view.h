// SPDX-License-Identifier: GPL-3.0-or-later
// RunLogView: the run's log pane: trainer log messages and milestones (start, checkpoints,
// demos, pause, end), one line each with its time; warnings and errors coloured.
// Keeps the newest kMaxLines lines, so a long run's log cannot grow without bound.
// Threading: GUI thread only.
#pragma once

#include <QPlainTextEdit>

#include "ui/training/run_event.h"

namespace sa3::ui {

class RunLogView : public QPlainTextEdit {
  Q_OBJECT
 public:
  static constexpr int kMaxLines = 5000;

  explicit RunLogView(QWidget* parent = nullptr);

  // Adds the line an event deserves; steps and queue updates are shown elsewhere, not logged.
  void addEvent(const RunEvent& event);
  void addLine(RunEvent::Level level, const QString& text, const QDateTime& time = {});
  int warningCount() const { return m_warnings; }
  int errorCount() const { return m_errors; }
  void clearLog();

 private:
  int m_warnings = 0;
  int m_errors = 0;
};

}  // namespace sa3::ui
