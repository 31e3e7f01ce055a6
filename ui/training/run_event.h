// SPDX-License-Identifier: GPL-3.0-or-later
// RunEvent: one progress event of spec/contracts.md ("Progress events") as the live run view
// reads it. Parsed off the GUI thread (parsing is pure and reentrant), applied on it.
// Errors: a line that is not a JSON object with an "event" string parses to Kind::Unknown, so a
//   torn or foreign line in progress.jsonl never stops a run from being shown.
#pragma once

#include <QDateTime>
#include <QString>
#include <optional>
#include <string>

namespace sa3::ui {

struct RunEvent {
  enum class Kind { Start, Step, Checkpoint, Demo, Log, Queue, Paused, Resumed, Stopped, Finished, Failed, Unknown };
  enum class Level { Info, Warning, Error };

  Kind kind = Kind::Unknown;
  QDateTime time;                  // invalid when the line has none
  qint64 step = 0;
  qint64 totalSteps = 0;           // start
  std::optional<double> loss;      // step; absent when the trainer reports none
  std::optional<double> secPerStep;
  std::optional<double> etaS;
  QString model, device;           // start
  QString path;                    // checkpoint, demo
  Level level = Level::Info;       // log
  QString message;                 // log; the reason of failed and stopped
  int queuePosition = 0;           // queue

  // True for the events after which the run no longer trains (stopped, finished, failed).
  bool endsRun() const { return kind == Kind::Stopped || kind == Kind::Finished || kind == Kind::Failed; }
};

RunEvent parseRunEvent(const std::string& line);

}  // namespace sa3::ui
