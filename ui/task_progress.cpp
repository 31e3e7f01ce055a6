// SPDX-License-Identifier: GPL-3.0-or-later
// TaskProgress: follows the most recently started task that is still running.
#include "ui/task_progress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include "ui/background_task.h"

namespace sa3::ui {

TaskProgress::TaskProgress(QWidget* parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)), m_cancel(new QToolButton(this)) {
  m_bar->setRange(0, 1000);
  m_bar->setTextVisible(false);
  m_bar->setMaximumHeight(14);
  m_cancel->setText(tr("Cancel"));
  m_cancel->setToolTip(tr("Stop this job; nothing already saved is lost"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_label);
  layout->addWidget(m_bar, 1);
  layout->addWidget(m_cancel);
  connect(m_cancel, &QToolButton::clicked, this, [this] {
    if (m_shown) m_shown->cancel();
  });
  hide();
}

void TaskProgress::watch(BackgroundTask* task) {
  m_tasks.append(task);
  connect(task, &BackgroundTask::started, this, [this, task] { showTask(task); });
  connect(task, &BackgroundTask::finished, this, &TaskProgress::refresh);
  connect(task, &BackgroundTask::titleChanged, this, [this, task](const QString& title) {
    if (task == m_shown) m_label->setText(title);
  });
  connect(task, &BackgroundTask::progressChanged, this, [this, task](double fraction, const QString& what) {
    if (task != m_shown) return;
    m_bar->setValue(int(fraction * 1000));
    m_bar->setToolTip(what);
  });
}

void TaskProgress::showTask(BackgroundTask* task) {
  m_shown = task;
  m_label->setText(task->title());
  m_bar->setValue(0);
  show();
}

void TaskProgress::refresh() {
  for (BackgroundTask* task : std::as_const(m_tasks))
    if (task->isRunning()) {
      if (task != m_shown) showTask(task);
      return;
    }
  m_shown = nullptr;
  hide();
}

}  // namespace sa3::ui
