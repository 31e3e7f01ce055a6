// SPDX-License-Identifier: GPL-3.0-or-later
// RunController: drives one training run at a time for the Training page. It owns the run's
// TrainingBackend (made by the page's TrainingBackendFactory) and a worker thread that starts
// or reattaches it and waits for its end; the backend's event lines are parsed on the thread
// that reports them and handed to the GUI thread in batches (queued, coalesced), so a fast
// trainer never floods the event loop and a slow GUI never holds the trainer up.
//
// Lifecycle: start()/reattach() while idle; pause()/unpause()/stop() while active; ended()
//   follows every started run exactly once. The destructor detaches a run still active (the
//   local trainer checkpoints; a remote run trains on on fal) and waits for it.
// Threading: every method is called on the GUI thread; signals are emitted on it.
// Errors: a refused start (bad job, run folder in use) and a failed run both end in
//   ended(Failed, message naming the file or field); stop() ends in ended(Stopped).
#pragma once

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>

#include "ui/training/run_event.h"
#include "ui/training/training_backend.h"

namespace sa3::ui {

class RunController : public QObject {
  Q_OBJECT
 public:
  enum class Outcome { Finished, Stopped, Failed };
  Q_ENUM(Outcome)

  explicit RunController(QObject* parent = nullptr);
  ~RunController() override;

  void setBackendFactory(TrainingBackendFactory factory) { m_factory = std::move(factory); }
  bool hasBackendFactory() const { return static_cast<bool>(m_factory); }

  // False when no backend is available for the target (ended() is not emitted then).
  bool start(TrainingTarget target, const TrainingStart& request);
  // Continues the run in runDir. Its progress.jsonl so far is delivered first (as history),
  // then the live events; run.json's kind picks the local or remote backend.
  bool reattach(const QString& runDir);
  void pause();
  void unpause();
  void stop();

  bool isActive() const { return m_backend != nullptr; }
  bool canPause() const { return m_canPause; }
  QString runDir() const { return m_runDir; }

 signals:
  // `history`: read from progress.jsonl before the run continued, not happening now.
  void eventsArrived(const QList<RunEvent>& events, bool history);
  void ended(Outcome outcome, const QString& message);

 private:
  bool launch(TrainingTarget target, std::function<sa3::Status(TrainingBackend&)> begin, bool readHistory);
  void queueEvent(const std::string& line);
  void deliverQueued();
  void finish(Outcome outcome, const QString& message);

  TrainingBackendFactory m_factory;
  std::unique_ptr<TrainingBackend> m_backend;
  QThread* m_worker = nullptr;
  QString m_runDir;
  bool m_canPause = false;
  std::atomic<bool> m_stopRequested{false};
  QMutex m_queueMutex;
  QList<RunEvent> m_queued;
  std::atomic<bool> m_deliveryPosted{false};
};

}  // namespace sa3::ui
