// SPDX-License-Identifier: GPL-3.0-or-later
// RunController: the backend on a worker thread, its events batched onto the GUI thread.
#include "ui/training/run_controller.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace sa3::ui {
namespace {

std::filesystem::path toPath(const QString& folder) { return {QFile::encodeName(folder).toStdString()}; }

// The events progress.jsonl holds so far; a torn last line (the run's writer died) is skipped
// by parseRunEvent as Unknown.
QList<RunEvent> readProgressLog(const QString& runDir) {
  QList<RunEvent> events;
  QFile file(QDir(runDir).filePath(QStringLiteral("progress.jsonl")));
  if (!file.open(QIODevice::ReadOnly)) return events;
  while (!file.atEnd()) {
    const QByteArray line = file.readLine().trimmed();
    if (line.isEmpty()) continue;
    RunEvent e = parseRunEvent(line.toStdString());
    if (e.kind != RunEvent::Kind::Unknown) events.append(std::move(e));
  }
  return events;
}

}  // namespace

RunController::RunController(QObject* parent) : QObject(parent) {}

RunController::~RunController() {
  if (m_backend) m_backend->detach();
  if (m_worker) {
    m_worker->wait();
    delete m_worker;
  }
}

bool RunController::start(TrainingTarget target, const TrainingStart& request) {
  if (isActive()) return false;
  m_runDir = QFile::decodeName(request.run_dir.string().c_str());
  return launch(target, [request](TrainingBackend& backend) { return backend.start(request); }, false);
}

bool RunController::reattach(const QString& runDir) {
  if (isActive()) return false;
  m_runDir = runDir;
  // remote.json marks a run that trains on fal (spec/contracts.md "Run folder").
  const TrainingTarget target = QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("remote.json")))
                                    ? TrainingTarget::Remote
                                    : TrainingTarget::Local;
  const std::filesystem::path dir = toPath(runDir);
  return launch(target, [dir](TrainingBackend& backend) { return backend.reattach(dir); }, true);
}

bool RunController::launch(TrainingTarget target, std::function<sa3::Status(TrainingBackend&)> begin, bool readHistory) {
  std::unique_ptr<TrainingBackend> backend = m_factory ? m_factory(target) : nullptr;
  if (!backend) return false;
  m_canPause = backend->canPause();
  m_stopRequested = false;
  backend->on_event = [this](const std::string& line) { queueEvent(line); };
  TrainingBackend* raw = backend.get();
  m_backend = std::move(backend);
  const QString runDir = m_runDir;
  m_worker = QThread::create([this, raw, begin = std::move(begin), readHistory, runDir] {
    if (readHistory) {
      // Posted before the backend starts, so the history reaches the GUI before any live event.
      QList<RunEvent> history = readProgressLog(runDir);
      QMetaObject::invokeMethod(this, [this, history = std::move(history)] { emit eventsArrived(history, true); },
                                Qt::QueuedConnection);
    }
    Outcome outcome = Outcome::Finished;
    QString message;
    const sa3::Status started = m_stopRequested ? sa3::Status(sa3::Failure{sa3::ErrorKind::Cancelled, "stopped"}) : begin(*raw);
    if (!started) {
      outcome = started.error().cancelled() ? Outcome::Stopped : Outcome::Failed;
      message = QString::fromStdString(started.error().message);
    } else if (const sa3::Status done = raw->wait(); !done) {
      outcome = done.error().cancelled() ? Outcome::Stopped : Outcome::Failed;
      message = QString::fromStdString(done.error().message);
    }
    QMetaObject::invokeMethod(this, [this, outcome, message] { finish(outcome, message); }, Qt::QueuedConnection);
  });
  m_worker->setObjectName(QStringLiteral("sa3-training-run"));
  m_worker->start();
  return true;
}

void RunController::pause() {
  if (m_backend && m_canPause) m_backend->pause();
}

void RunController::unpause() {
  if (m_backend && m_canPause) m_backend->unpause();
}

void RunController::stop() {
  if (!m_backend) return;
  m_stopRequested = true;
  m_backend->stop();
}

void RunController::queueEvent(const std::string& line) {
  RunEvent event = parseRunEvent(line);
  {
    QMutexLocker lock(&m_queueMutex);
    m_queued.append(std::move(event));
  }
  // One delivery in flight at a time: events arriving meanwhile join its batch.
  if (!m_deliveryPosted.exchange(true))
    QMetaObject::invokeMethod(this, &RunController::deliverQueued, Qt::QueuedConnection);
}

void RunController::deliverQueued() {
  m_deliveryPosted = false;
  QList<RunEvent> batch;
  {
    QMutexLocker lock(&m_queueMutex);
    batch.swap(m_queued);
  }
  if (!batch.isEmpty()) emit eventsArrived(batch, false);
}

void RunController::finish(Outcome outcome, const QString& message) {
  deliverQueued();
  m_worker->wait();
  delete m_worker;
  m_worker = nullptr;
  m_backend.reset();
  emit ended(outcome, message);
}

}  // namespace sa3::ui
