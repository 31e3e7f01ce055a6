// SPDX-License-Identifier: GPL-3.0-or-later
// TaskProgress: a compact "what is running" strip: title, progress bar and a Cancel button,
// bound to any number of BackgroundTasks; hidden when none runs.
#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace sa3::ui {

class BackgroundTask;

class TaskProgress : public QWidget {
  Q_OBJECT
 public:
  explicit TaskProgress(QWidget* parent = nullptr);

  void watch(BackgroundTask* task);
  QProgressBar* bar() const { return m_bar; }

 private:
  void showTask(BackgroundTask* task);
  void refresh();

  QList<BackgroundTask*> m_tasks;
  BackgroundTask* m_shown = nullptr;
  QLabel* m_label;
  QProgressBar* m_bar;
  QToolButton* m_cancel;
};

}  // namespace sa3::ui
