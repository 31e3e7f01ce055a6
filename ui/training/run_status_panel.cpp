// SPDX-License-Identifier: GPL-3.0-or-later
// RunStatusPanel: labels and progress bar of the live run.
#include "ui/training/run_status_panel.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <cmath>

namespace sa3::ui {

RunStatusPanel::RunStatusPanel(QWidget* parent)
    : QWidget(parent),
      m_state(new QLabel(this)),
      m_step(new QLabel(this)),
      m_loss(new QLabel(this)),
      m_speed(new QLabel(this)),
      m_eta(new QLabel(this)),
      m_elapsed(new QLabel(this)),
      m_bar(new QProgressBar(this)) {
  m_state->setTextFormat(Qt::RichText);
  m_state->setWordWrap(true);
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(m_state, 0, 0, 1, 10);
  int column = 0;
  auto add = [&](const QString& name, QLabel* value, const QString& tip) {
    auto* label = new QLabel(name, this);
    label->setToolTip(tip);
    value->setToolTip(tip);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(label, 1, column++, Qt::AlignRight);
    grid->addWidget(value, 1, column++);
  };
  add(tr("Step:"), m_step, tr("Steps trained of the job's number_of_steps"));
  add(tr("Loss:"), m_loss, tr("The last step's training loss"));
  add(tr("Speed:"), m_speed, tr("Seconds per step (moving average)"));
  add(tr("ETA:"), m_eta, tr("Time left at the current speed"));
  add(tr("Elapsed:"), m_elapsed, tr("Time spent training, across pauses and resumes"));
  for (int c = 1; c < column; c += 2) grid->setColumnStretch(c, 1);
  m_bar->setTextVisible(true);
  grid->addWidget(m_bar, 2, 0, 1, column);
  m_tick.setInterval(1000);
  connect(&m_tick, &QTimer::timeout, this, &RunStatusPanel::render);
  render();
}

QString RunStatusPanel::clockText(double seconds) {
  const auto total = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  const long long h = total / 3600, m = total / 60 % 60, s = total % 60;
  return h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'))
               : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString RunStatusPanel::stateText(const RunProgress& p) {
  using State = RunProgress::State;
  switch (p.state()) {
    case State::Idle: return tr("No run yet: fill in the job and press Start.");
    case State::Starting: return tr("<b>Starting</b>: loading the model and encoding the dataset…");
    case State::Queued: return tr("<b>Queued on fal</b>: queue position %1").arg(p.queuePosition());
    case State::Running:
      return p.model().isEmpty() ? tr("<b>Training</b>")
                                 : tr("<b>Training</b> %1 on %2").arg(p.model().toHtmlEscaped(), p.device().toHtmlEscaped());
    case State::Pausing: return tr("<b>Pausing</b> at the end of this step…");
    case State::Paused: return tr("<b>Paused</b> at step %1: the trainer holds its state; Resume continues.").arg(p.step());
    case State::Stopping:
      return p.onFal() ? tr("<b>Stopping</b>: asking fal to cancel the request…")
                       : tr("<b>Stopping</b>: finishing the step and writing a checkpoint…");
    case State::Stopped:
      return p.onFal() ? tr("<b>Stopped</b> at step %1: cancelled on fal.").arg(p.step())
                       : tr("<b>Stopped</b> at step %1. Its checkpoint lets Runs → Resume continue it.").arg(p.step());
    case State::Finished: return tr("<b>Finished</b>: %n step(s) trained.", nullptr, static_cast<int>(p.step()));
    case State::Failed: return tr("<b>Failed</b>: %1").arg(p.error().toHtmlEscaped());
  }
  return {};
}

void RunStatusPanel::showProgress(const RunProgress& progress) {
  m_progress = progress;
  const bool ticking = progress.state() == RunProgress::State::Running || progress.state() == RunProgress::State::Pausing;
  if (ticking && !m_tick.isActive()) m_tick.start();
  if (!ticking) m_tick.stop();
  render();
}

void RunStatusPanel::render() {
  const RunProgress& p = m_progress;
  const QString none = QStringLiteral("–");
  m_state->setText(stateText(p));
  m_step->setText(p.totalSteps() > 0 ? tr("%1 / %2").arg(p.step()).arg(p.totalSteps()) : none);
  if (p.noLossReported())
    m_loss->setText(tr("no loss reported"));
  else
    m_loss->setText(p.lastLoss() ? QString::number(*p.lastLoss(), 'f', 4) : none);
  m_speed->setText(p.secPerStep() ? tr("%1 s/step").arg(*p.secPerStep(), 0, 'f', *p.secPerStep() < 10 ? 2 : 1) : none);
  m_eta->setText(p.etaS() ? clockText(*p.etaS()) : none);
  const double elapsed = p.elapsedS(QDateTime::currentDateTimeUtc());
  m_elapsed->setText(elapsed > 0 ? clockText(elapsed) : none);
  m_bar->setRange(0, static_cast<int>(std::max<qint64>(1, p.totalSteps())));
  m_bar->setValue(static_cast<int>(std::min(p.step(), std::max<qint64>(1, p.totalSteps()))));
  m_bar->setFormat(p.totalSteps() > 0 ? QStringLiteral("%p%") : QString());
}

}  // namespace sa3::ui
