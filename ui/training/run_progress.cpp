// SPDX-License-Identifier: GPL-3.0-or-later
// RunProgress: folding progress events into the live view's numbers.
#include "ui/training/run_progress.h"

namespace sa3::ui {

void RunProgress::reset(State state) { *this = RunProgress{}; m_state = state; }

void RunProgress::closeSpan() {
  if (m_spanStart.isValid() && m_lastTime.isValid()) m_closedS += std::max<qint64>(0, m_spanStart.msecsTo(m_lastTime)) / 1000.0;
  m_spanStart = {};
}

void RunProgress::apply(const RunEvent& e, const QDateTime& now) {
  const QDateTime time = e.time.isValid() ? e.time : now;
  using Kind = RunEvent::Kind;
  switch (e.kind) {
    case Kind::Start:
      // A start while a span is open: the previous session died after its last event.
      closeSpan();
      m_spanStart = time;
      m_step = e.step;
      if (e.totalSteps > 0) m_totalSteps = e.totalSteps;
      m_queuePosition = 0;
      m_onFal = e.device == QLatin1String("fal");
      m_error.clear();
      if (!e.model.isEmpty()) m_model = e.model;
      if (!e.device.isEmpty()) m_device = e.device;
      m_state = State::Running;
      break;
    case Kind::Step:
      m_step = e.step;
      ++m_stepsSeen;
      if (e.loss) {
        ++m_stepsWithLoss;
        m_lastLoss = e.loss;
      }
      if (e.secPerStep) m_secPerStep = e.secPerStep;
      if (e.etaS) m_etaS = e.etaS;
      m_queuePosition = 0;
      // A step after "Pausing…" was asked for is the one the trainer finishes before holding.
      if (m_state != State::Pausing && m_state != State::Stopping) m_state = State::Running;
      if (!m_spanStart.isValid()) m_spanStart = time;
      break;
    case Kind::Queue:
      m_queuePosition = e.queuePosition;
      m_onFal = true;
      m_state = State::Queued;
      break;
    case Kind::Paused:
      m_lastTime = time;
      closeSpan();
      if (m_state != State::Stopping) m_state = State::Paused;
      break;
    case Kind::Resumed:
      m_spanStart = time;
      if (m_state != State::Stopping) m_state = State::Running;
      break;
    case Kind::Stopped:
    case Kind::Finished:
    case Kind::Failed:
      m_lastTime = time;
      closeSpan();
      if (e.step > 0) m_step = e.step;
      m_etaS = e.kind == Kind::Finished ? std::optional<double>(0) : std::nullopt;
      m_error = e.message;
      m_state = e.kind == Kind::Stopped ? State::Stopped : e.kind == Kind::Finished ? State::Finished : State::Failed;
      break;
    case Kind::Checkpoint:
    case Kind::Demo:
    case Kind::Log:
    case Kind::Unknown:
      break;
  }
  m_lastTime = time;
}

void RunProgress::end(State state, const QString& error) {
  closeSpan();
  m_state = state;
  m_error = error;
  m_etaS.reset();
}

double RunProgress::elapsedS(const QDateTime& now) const {
  if (!m_spanStart.isValid()) return m_closedS;
  return m_closedS + std::max<qint64>(0, m_spanStart.msecsTo(now)) / 1000.0;
}

}  // namespace sa3::ui
