// SPDX-License-Identifier: GPL-3.0-or-later
// RunLogView: event lines as coloured, time-stamped log lines.
#include "ui/training/run_log_view.h"

#include <QFontDatabase>

namespace sa3::ui {
namespace {

// Readable on light and dark palettes alike.
const QColor kWarningColour(0xc2, 0x7c, 0x0e);
const QColor kErrorColour(0xd6, 0x27, 0x28);

}  // namespace

RunLogView::RunLogView(QWidget* parent) : QPlainTextEdit(parent) {
  setReadOnly(true);
  setMaximumBlockCount(kMaxLines);
  setLineWrapMode(QPlainTextEdit::WidgetWidth);
  setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  setPlaceholderText(tr("The run's log appears here."));
}

void RunLogView::clearLog() {
  clear();
  m_warnings = m_errors = 0;
}

void RunLogView::addLine(RunEvent::Level level, const QString& text, const QDateTime& time) {
  const QString stamp = (time.isValid() ? time.toLocalTime() : QDateTime::currentDateTime()).toString(QStringLiteral("HH:mm:ss"));
  if (level == RunEvent::Level::Info) {
    appendHtml((stamp + QLatin1String("  ") + text).toHtmlEscaped());
    return;
  }
  const bool warning = level == RunEvent::Level::Warning;
  ++(warning ? m_warnings : m_errors);
  const QString body = stamp + QLatin1String("  ") + (warning ? tr("warning: %1") : tr("error: %1")).arg(text);
  appendHtml(QStringLiteral("<span style=\"color:%1\">%2</span>")
                 .arg((warning ? kWarningColour : kErrorColour).name(), body.toHtmlEscaped()));
}

void RunLogView::addEvent(const RunEvent& e) {
  using Kind = RunEvent::Kind;
  switch (e.kind) {
    case Kind::Start:
      addLine(RunEvent::Level::Info,
              e.step > 0 ? tr("Resumed from step %1 of %2 on %3 (%4)").arg(e.step).arg(e.totalSteps).arg(e.model, e.device)
                         : tr("Started %1 steps on %2 (%3)").arg(e.totalSteps).arg(e.model, e.device),
              e.time);
      break;
    case Kind::Checkpoint:
      addLine(RunEvent::Level::Info, tr("Checkpoint at step %1: %2").arg(e.step).arg(e.path), e.time);
      break;
    case Kind::Demo:
      addLine(RunEvent::Level::Info, tr("Demos at step %1: %2").arg(e.step).arg(e.path), e.time);
      break;
    case Kind::Log:
      addLine(e.level, e.message, e.time);
      break;
    case Kind::Paused:
      addLine(RunEvent::Level::Info, tr("Paused at step %1").arg(e.step), e.time);
      break;
    case Kind::Resumed:
      addLine(RunEvent::Level::Info, tr("Continued at step %1").arg(e.step), e.time);
      break;
    case Kind::Stopped:
      // A remote run says why it stopped (cancelled on fal); a local one leaves a checkpoint.
      addLine(RunEvent::Level::Info,
              e.message.isEmpty() ? tr("Stopped at step %1; a checkpoint holds its state").arg(e.step)
                                  : tr("Stopped at step %1: %2").arg(e.step).arg(e.message),
              e.time);
      break;
    case Kind::Finished:
      addLine(RunEvent::Level::Info, tr("Finished at step %1").arg(e.step), e.time);
      break;
    case Kind::Failed:
      addLine(RunEvent::Level::Error, e.message, e.time);
      break;
    case Kind::Step:
    case Kind::Queue:
    case Kind::Unknown:
      break;
  }
}

}  // namespace sa3::ui
