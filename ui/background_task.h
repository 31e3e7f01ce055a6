// SPDX-License-Identifier: GPL-3.0-or-later
// BackgroundTask: runs one long core call at a time on the thread pool with a JobControl,
// forwarding its progress to the GUI thread as signals (the style guide's rule 8).
//
// Lifecycle: start() cancels the task still running (its late results are dropped) and starts
//   the new one without waiting, so the GUI never blocks on a core call. The destructor cancels
//   and waits for every task it started, so no worker outlives the object.
// Threading: start/cancel from the GUI thread; `work` runs on a pool thread and hands results
//   back through `post`, whose functions run on the GUI thread only while their task is still
//   the current one (a cancelled or replaced task's results are dropped).
// Errors: `work` reports failures itself (through post); an exception escaping it is caught,
//   logged and reported as failed().
#pragma once

#include <QFuture>
#include <QLoggingCategory>
#include <QList>
#include <QObject>
#include <functional>
#include <memory>

#include "sa3/job_control.h"

namespace sa3::ui {

class BackgroundTask : public QObject {
  Q_OBJECT
 public:
  // Core log messages of the task go to `category` (one of ui/logging_categories.h).
  using Category = const QLoggingCategory& (*)();
  explicit BackgroundTask(Category category, QObject* parent = nullptr);
  ~BackgroundTask() override;

  using Post = std::function<void(std::function<void()>)>;
  using Work = std::function<void(sa3::JobControl& job, const Post& post)>;
  void start(const QString& title, Work work);
  void cancel();
  bool isRunning() const { return m_running; }
  QString title() const { return m_title; }
  // Renames the running task for its next phase (e.g. "Scanning" → "Analysing audio").
  void setTitle(const QString& title);

 signals:
  void started(const QString& title);
  void titleChanged(const QString& title);
  void progressChanged(double fraction, const QString& what);
  void finished();
  void failed(const QString& message);

 private:
  struct Run;
  std::shared_ptr<Run> m_current;
  QList<QFuture<void>> m_futures;
  Category m_category;
  QString m_title;
  bool m_running = false;
};

}  // namespace sa3::ui
