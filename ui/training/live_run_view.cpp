// SPDX-License-Identifier: GPL-3.0-or-later
// LiveRunView: routes progress events to the status panel, the chart and the log.
#include "ui/training/live_run_view.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "ui/training/live_loss_chart.h"
#include "ui/training/run_log_view.h"
#include "ui/training/run_status_panel.h"

namespace sa3::ui {

LiveRunView::LiveRunView(QWidget* parent)
    : QWidget(parent),
      m_status(new RunStatusPanel(this)),
      m_chart(new LiveLossChart(this)),
      m_log(new RunLogView(this)),
      m_logScale(new QAction(tr("&Log Scale Loss"), this)),
      m_resetZoom(new QAction(tr("Reset Loss &Zoom"), this)) {
  m_logScale->setCheckable(true);
  m_logScale->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
  connect(m_logScale, &QAction::toggled, m_chart, &LiveLossChart::setLogScale);
  m_resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0));
  m_resetZoom->setEnabled(false);
  connect(m_resetZoom, &QAction::triggered, m_chart, &LiveLossChart::resetZoom);
  connect(m_chart, &LiveLossChart::zoomChanged, m_resetZoom, &QAction::setEnabled);

  auto* logBox = new QCheckBox(tr("Log scale"), this);
  logBox->setToolTip(m_logScale->shortcut().toString(QKeySequence::NativeText));
  connect(logBox, &QCheckBox::toggled, m_logScale, &QAction::setChecked);
  connect(m_logScale, &QAction::toggled, logBox, &QCheckBox::setChecked);
  auto* resetButton = new QPushButton(tr("Reset Zoom"), this);
  resetButton->setToolTip(m_resetZoom->shortcut().toString(QKeySequence::NativeText));
  resetButton->setEnabled(false);
  connect(resetButton, &QPushButton::clicked, m_resetZoom, &QAction::trigger);
  connect(m_resetZoom, &QAction::changed, resetButton, [this, resetButton] { resetButton->setEnabled(m_resetZoom->isEnabled()); });

  auto* chartPane = new QWidget(this);
  auto* chartLayout = new QVBoxLayout(chartPane);
  chartLayout->setContentsMargins(0, 0, 0, 0);
  auto* chartBar = new QHBoxLayout;
  chartBar->addWidget(new QLabel(tr("<b>Loss</b> (faint: every step; solid: moving average; drag to zoom)"), chartPane), 1);
  chartBar->addWidget(logBox);
  chartBar->addWidget(resetButton);
  chartLayout->addLayout(chartBar);
  chartLayout->addWidget(m_chart, 1);
  auto* logPane = new QWidget(this);
  auto* logLayout = new QVBoxLayout(logPane);
  logLayout->setContentsMargins(0, 0, 0, 0);
  logLayout->addWidget(new QLabel(tr("<b>Log</b>"), logPane));
  logLayout->addWidget(m_log, 1);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(chartPane);
  split->addWidget(logPane);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  split->setChildrenCollapsible(false);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_status);
  layout->addWidget(split, 1);
  refresh();
}

void LiveRunView::beginRun(RunProgress::State state) {
  m_progress.reset(state);
  m_chart->clear();
  m_log->clearLog();
  refresh();
}

void LiveRunView::applyEvents(const QList<RunEvent>& events, bool history) {
  const QDateTime now = QDateTime::currentDateTimeUtc();
  for (const RunEvent& e : events) {
    m_progress.apply(e, now);
    if (e.kind == RunEvent::Kind::Start) m_chart->rewindTo(e.step);
    if (e.kind == RunEvent::Kind::Step && e.loss) m_chart->append(e.step, *e.loss);
    m_log->addEvent(e);
  }
  if (history) {
    m_progress.closeSession();
    // Until the continued run confirms it trains, it is starting again.
    m_progress.setState(RunProgress::State::Starting);
  }
  refresh();
}

void LiveRunView::setState(RunProgress::State state) {
  m_progress.setState(state);
  refresh();
}

void LiveRunView::endRun(RunProgress::State state, const QString& message) {
  using State = RunProgress::State;
  const State now = m_progress.state();
  if (now == State::Finished || now == State::Stopped || now == State::Failed) return;
  m_progress.end(state, message);
  if (state == State::Failed) m_log->addLine(RunEvent::Level::Error, message);
  refresh();
}

void LiveRunView::refresh() {
  using State = RunProgress::State;
  QString placeholder;
  if (m_progress.noLossReported())
    placeholder = tr("No loss reported: this run gives steps without a loss value");
  else if (m_progress.state() == State::Queued)
    placeholder = tr("Waiting in fal's queue (position %1)").arg(m_progress.queuePosition());
  else if (m_progress.state() == State::Starting || m_progress.state() == State::Running)
    placeholder = tr("Waiting for the first step…");
  else if (m_progress.state() == State::Idle)
    placeholder = tr("The loss appears here while a run trains");
  m_chart->setPlaceholder(placeholder);
  m_status->showProgress(m_progress);
}

}  // namespace sa3::ui
