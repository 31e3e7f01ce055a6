// SPDX-License-Identifier: GPL-3.0-or-later
// RunProgress: what the live run view shows about a run (state, step of total, last loss,
// s/step, ETA, elapsed training time, queue position), folded from its progress events.
// Elapsed time counts the spans the run actually trained: from each start/resumed event to the
// next paused/ended event (or the last event of a session that died), so a run resumed days
// later does not count the days in between.
// Threading: a plain value, used on the GUI thread.
#pragma once

#include <QDateTime>
#include <optional>

#include "ui/training/run_event.h"

namespace sa3::ui {

class RunProgress {
 public:
  enum class State { Idle, Starting, Queued, Running, Pausing, Paused, Stopping, Stopped, Finished, Failed };

  void reset(State state = State::Idle);
  // Events without a time (e.g. from a test backend) count as happening at `now`.
  void apply(const RunEvent& event, const QDateTime& now);
  void setState(State state) { m_state = state; }
  // Ends the span of a session whose events were read from progress.jsonl and that did not
  // end itself (the studio or machine died): it trained until its last event.
  void closeSession() { closeSpan(); }
  // The run ended without an end event of its own (refused at start, stopped while loading).
  void end(State state, const QString& error);

  State state() const { return m_state; }
  qint64 step() const { return m_step; }
  qint64 totalSteps() const { return m_totalSteps; }
  std::optional<double> lastLoss() const { return m_lastLoss; }
  // True once steps arrived and none of them carried a loss.
  bool noLossReported() const { return m_stepsSeen > 0 && m_stepsWithLoss == 0; }
  std::optional<double> secPerStep() const { return m_secPerStep; }
  std::optional<double> etaS() const { return m_etaS; }
  int queuePosition() const { return m_queuePosition; }
  // The run trains on fal (its start said so, or it waited in fal's queue): Stop cancels it
  // there, and a stopped run cannot be continued.
  bool onFal() const { return m_onFal; }
  QString error() const { return m_error; }
  QString model() const { return m_model; }
  QString device() const { return m_device; }
  double elapsedS(const QDateTime& now) const;

 private:
  void closeSpan();

  State m_state = State::Idle;
  qint64 m_step = 0;
  qint64 m_totalSteps = 0;
  std::optional<double> m_lastLoss;
  qint64 m_stepsSeen = 0;
  qint64 m_stepsWithLoss = 0;
  std::optional<double> m_secPerStep;
  std::optional<double> m_etaS;
  int m_queuePosition = 0;
  bool m_onFal = false;
  QString m_error;
  QString m_model, m_device;
  double m_closedS = 0;
  QDateTime m_spanStart;  // invalid while no span is open
  QDateTime m_lastTime;
};

}  // namespace sa3::ui
