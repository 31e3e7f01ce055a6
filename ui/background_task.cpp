// SPDX-License-Identifier: GPL-3.0-or-later
// BackgroundTask: QtConcurrent plumbing with generation-checked result delivery.
#include "ui/background_task.h"

#include <QtConcurrent/QtConcurrentRun>
#include <exception>

#include "ui/logging_categories.h"

namespace sa3::ui {

// One started task; the worker holds it alive while it runs, the object points at the newest.
struct BackgroundTask::Run {
  sa3::JobControl job;
};

BackgroundTask::BackgroundTask(Category category, QObject* parent) : QObject(parent), m_category(category) {}

BackgroundTask::~BackgroundTask() {
  // Not cancel(): signals must not reach receivers that may be half destroyed by now.
  if (m_current) m_current->job.cancel();
  m_current.reset();
  for (QFuture<void>& future : m_futures) future.waitForFinished();
}

void BackgroundTask::start(const QString& title, Work work) {
  cancel();
  m_futures.removeIf([](const QFuture<void>& f) { return f.isFinished(); });
  auto run = std::make_shared<Run>();
  m_current = run;
  m_title = title;
  m_running = true;
  run->job.on_progress = [this, weak = std::weak_ptr<Run>(run)](double done, double total,
                                                                 const std::string& what) {
    const double fraction = total > 0 ? done / total : 0.0;
    const QString item = QString::fromStdString(what);
    QMetaObject::invokeMethod(this, [this, weak, fraction, item] {
      if (weak.lock() == m_current) emit progressChanged(fraction, item);
    }, Qt::QueuedConnection);
  };
  run->job.on_log = [category = m_category](sa3::LogLevel level, const std::string& message) {
    logFromCore(category(), level, message);
  };
  Post post = [this, weak = std::weak_ptr<Run>(run)](std::function<void()> fn) {
    QMetaObject::invokeMethod(this, [this, weak, fn = std::move(fn)] {
      if (auto current = weak.lock(); current && current == m_current) fn();
    }, Qt::QueuedConnection);
  };
  emit started(title);
  m_futures.append(QtConcurrent::run([this, run, work = std::move(work), post = std::move(post)] {
    QString error;
    try {
      work(run->job, post);
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    } catch (...) {
      error = QStringLiteral("unknown exception");
    }
    QMetaObject::invokeMethod(this, [this, run, error] {
      if (run != m_current) return;
      m_running = false;
      m_current.reset();
      if (!error.isEmpty()) {
        qCCritical(m_category).noquote() << m_title << "failed:" << error;
        emit failed(error);
      }
      emit finished();
    }, Qt::QueuedConnection);
  }));
}

void BackgroundTask::setTitle(const QString& title) {
  m_title = title;
  emit titleChanged(title);
}

void BackgroundTask::cancel() {
  if (!m_current) return;
  m_current->job.cancel();
  m_current.reset();
  m_running = false;
  emit finished();
}

}  // namespace sa3::ui
