// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingPage: layout, presets, clipboard exports, the estimate panel and the run's controls.
#include "ui/training/training_page.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

#include <cmath>

#include "sa3/runs.h"
#include "ui/runs/runs_page.h"
#include "ui/settings/secret_store.h"
#include "ui/training/live_run_view.h"
#include "ui/training/run_notifier.h"
#include "ui/training/training_form.h"
#include "ui/training/training_presets.h"

namespace sa3::ui {
namespace {

// Peak memory of a local CPU training step (bench/README.md, batch 1, dora-rows r16): the frozen
// base dominates, so the figure depends on the model family and the base precision only.
double peakMemoryGiB(const sa3::TrainingJob& job) {
  const bool medium = job.model == "medium-base";
  // An fp16 base computes in fp32 on CPU (no fast fp16 matmul there), so it costs fp32's memory.
  const bool bf16 = job.base_precision == "bf16" || job.base_precision == "bfloat16";
  if (medium) return bf16 ? 5.6 : 6.8;
  return bf16 ? 1.9 : 2.5;
}

// The first caption of the dataset (by file name), as an example demo prompt.
QString firstCaption(const QString& folder) {
  if (folder.isEmpty()) return {};
  const QStringList captions = QDir(folder).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
  if (captions.isEmpty()) return {};
  QFile file(QDir(folder).filePath(captions.constFirst()));
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(file.read(200)).simplified();
}
constexpr double kFalDollarsPer1000Steps = 3.00;  // fal's published price (product.md)

// Single-quotes a path for a POSIX shell.
QString shellQuoted(const QString& text) {
  QString quoted = text;
  quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
  return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

std::filesystem::path toPath(const QString& folder) { return {QFile::encodeName(folder).toStdString()}; }

}  // namespace

TrainingPage::TrainingPage(SecretStore* secrets, QWidget* parent)
    : QWidget(parent),
      m_secrets(secrets),
      m_form(new TrainingForm(this)),
      m_presets(new QComboBox(this)),
      m_local(new QRadioButton(tr("&Local (this computer)"), this)),
      m_remote(new QRadioButton(tr("&Remote (fal)"), this)),
      m_remoteNote(new QLabel(this)),
      m_estimate(new QLabel(this)),
      m_dataset(new QLabel(this)),
      m_run(new RunController(this)),
      m_live(new LiveRunView(this)),
      m_notifier(new RunNotifier(this)) {
  auto make = [this](const QString& text, const QKeySequence& key, auto slot) {
    auto* action = new QAction(text, this);
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    m_actions << action;
    return action;
  };
  QAction* copyJson = make(tr("Copy Job &JSON"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J), [this] { copyJobJson(); });
  QAction* copyCli = make(tr("Copy &CLI Command"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { copyCliCommand(); });
  QAction* save = make(tr("&Save Preset…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] { askPresetName(); });
  QAction* load = make(tr("&Load Preset"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                       [this] { loadPreset(m_presets->currentText()); });
  QAction* remove = make(tr("&Delete Preset"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete),
                         [this] { deletePreset(m_presets->currentText()); });

  // Start and Resume share F5 as a debugger's Continue does; only one is enabled at a time.
  m_start = make(tr("S&tart Training"), QKeySequence(Qt::Key_F5), [this] { startRun(); });
  m_pause = make(tr("&Pause Training"), QKeySequence(Qt::Key_F6), [this] { pauseRun(); });
  m_resume = make(tr("&Resume Training"), QKeySequence(Qt::Key_F5), [this] { resumePausedRun(); });
  m_stop = make(tr("St&op Training"), QKeySequence(Qt::SHIFT | Qt::Key_F5), [this] { stopRun(); });
  m_start->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
  m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
  m_resume->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
  m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
  m_start->setToolTip(tr("Train the job in a new run folder"));
  m_pause->setToolTip(tr("Hold the trainer at the end of the current step, its state in memory"));
  m_resume->setToolTip(tr("Continue the paused run"));
  m_stop->setToolTip(tr("Finish the current step, write a checkpoint and end the run (Runs → Resume continues it); "
                        "a run on fal is cancelled there"));
  addAction(m_live->logScaleAction());
  addAction(m_live->resetZoomAction());

  auto* presetRow = new QHBoxLayout;
  presetRow->addWidget(new QLabel(tr("Preset:"), this));
  presetRow->addWidget(m_presets, 1);
  for (QAction* action : {load, save, remove, copyJson, copyCli}) {
    auto* button = new QPushButton(action->text().remove(QLatin1Char('&')), this);
    button->setToolTip(action->shortcut().toString(QKeySequence::NativeText));
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    presetRow->addWidget(button);
  }

  auto* scroll = new QScrollArea(this);
  scroll->setWidget(m_form);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);

  auto* where = new QGroupBox(tr("Where to train"), this);
  auto* whereLayout = new QVBoxLayout(where);
  whereLayout->addWidget(m_local);
  whereLayout->addWidget(m_remote);
  m_remoteNote->setWordWrap(true);
  whereLayout->addWidget(m_remoteNote);
  m_local->setChecked(true);
  m_remote->setEnabled(false);

  auto* estimateBox = new QGroupBox(tr("Before you start"), this);
  auto* estimateLayout = new QVBoxLayout(estimateBox);
  m_dataset->setWordWrap(true);
  m_estimate->setWordWrap(true);
  estimateLayout->addWidget(m_dataset);
  estimateLayout->addWidget(m_estimate);

  auto* jobPane = new QWidget(this);
  auto* jobLayout = new QVBoxLayout(jobPane);
  jobLayout->setContentsMargins(0, 0, 0, 0);
  jobLayout->addWidget(scroll, 1);
  jobLayout->addWidget(where);
  jobLayout->addWidget(estimateBox);
  auto* body = new QSplitter(Qt::Horizontal, this);
  body->addWidget(jobPane);
  body->addWidget(buildRunPane());
  // The form's combo boxes explain each choice in a line, so the job pane needs about half.
  body->setStretchFactor(0, 1);
  body->setStretchFactor(1, 1);
  body->setChildrenCollapsible(false);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(presetRow);
  layout->addWidget(body, 1);

  connect(m_run, &RunController::eventsArrived, this, [this](const QList<RunEvent>& events, bool history) {
    m_live->applyEvents(events, history);
    updateRunActions();
  });
  connect(m_run, &RunController::ended, this, &TrainingPage::onRunEnded);
  connect(m_notifier, &RunNotifier::notified, this,
          [this](const QString& title, const QString& message) { emit statusMessage(title + QLatin1String(": ") + message, 10000); });
  connect(m_form, &TrainingForm::jobChanged, this, &TrainingPage::updateRunActions);

  connect(m_form, &TrainingForm::jobChanged, this, &TrainingPage::refreshEstimate);
  connect(m_local, &QRadioButton::toggled, this, &TrainingPage::refreshEstimate);
  connect(m_secrets, &SecretStore::secretRead, this, [this](Secret which, const QString& value, SecretSource) {
    if (which != Secret::FalKey) return;
    m_remote->setEnabled(!value.isEmpty());
    if (value.isEmpty()) m_local->setChecked(true);
    m_remoteNote->setText(value.isEmpty() ? tr("Remote training needs a fal API key: set FAL_KEY or add it in "
                                               "File → Settings (Ctrl+,).")
                                          : tr("Runs on fal's stable-audio-3-trainer; the dataset is uploaded as a zip."));
  });
  connect(m_secrets, &SecretStore::secretWritten, this, [this](Secret which, SecretSource) {
    if (which == Secret::FalKey) m_secrets->read(Secret::FalKey);
  });
  m_secrets->read(Secret::FalKey);
  setDataset({}, 0);
  refreshPresets();
  measureLocalSpeed();
  refreshEstimate();
  updateRunActions();
}

QWidget* TrainingPage::buildRunPane() {
  auto* box = new QGroupBox(tr("Run"), this);
  auto* buttons = new QHBoxLayout;
  const std::pair<QAction*, QString> controls[] = {
      {m_start, tr("Start")}, {m_pause, tr("Pause")}, {m_resume, tr("Resume")}, {m_stop, tr("Stop")}};
  for (const auto& [action, label] : controls) {
    auto* button = new QPushButton(action->icon(), label, box);
    button->setToolTip(action->toolTip() + QStringLiteral(" (%1)").arg(action->shortcut().toString(QKeySequence::NativeText)));
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::changed, button, [action, button] { button->setEnabled(action->isEnabled()); });
    button->setEnabled(action->isEnabled());
    buttons->addWidget(button);
  }
  buttons->addStretch();
  auto* layout = new QVBoxLayout(box);
  layout->addLayout(buttons);
  layout->addWidget(m_live, 1);
  return box;
}

void TrainingPage::addToMenu(QMenu* trainingMenu) {
  trainingMenu->addActions({m_start, m_pause, m_resume, m_stop});
  trainingMenu->addSeparator();
  trainingMenu->addActions({m_live->logScaleAction(), m_live->resetZoomAction()});
  trainingMenu->addSeparator();
  for (QAction* action : m_actions)
    if (action != m_start && action != m_pause && action != m_resume && action != m_stop) trainingMenu->addAction(action);
}

void TrainingPage::setBackendFactory(TrainingBackendFactory factory) {
  m_run->setBackendFactory(std::move(factory));
  updateRunActions();
}

QString TrainingPage::newRunFolder(const sa3::TrainingJob& job) const {
  // <timestamp>-<model>, UTC, as `sa3 train` names its runs.
  const QDir runs(RunsPage::runsFolder());
  const QString base = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-")) + QString::fromStdString(job.model);
  QString name = base;
  for (int n = 2; runs.exists(name); ++n) name = base + QStringLiteral("-%1").arg(n);
  return runs.filePath(name);
}

bool TrainingPage::startRun() {
  if (m_run->isActive()) return false;
  if (!m_form->problems().empty()) {
    emit statusMessage(tr("Fix the fields marked in red before starting"), 5000);
    return false;
  }
  const sa3::TrainingJob job = m_form->job();
  if (m_datasetFolder.isEmpty() && job.audio_data_url.empty()) {
    emit statusMessage(tr("Open a dataset on the Dataset page before starting"), 5000);
    return false;
  }
  TrainingStart request;
  request.job = job;
  if (!m_datasetFolder.isEmpty()) request.dataset = toPath(m_datasetFolder);
  const QString runDir = newRunFolder(job);
  request.run_dir = toPath(runDir);
  const TrainingTarget target = m_remote->isChecked() ? TrainingTarget::Remote : TrainingTarget::Local;
  m_live->beginRun(RunProgress::State::Starting);
  if (!m_run->start(target, request)) {
    const QString reason = target == TrainingTarget::Remote ? tr("Remote training is not available in this build yet")
                                                            : tr("Local training is not available in this build");
    m_live->endRun(RunProgress::State::Failed, reason);
    emit statusMessage(reason, 8000);
    updateRunActions();
    return false;
  }
  updateRunActions();
  emit statusMessage(tr("Training started in %1").arg(QDir::toNativeSeparators(runDir)), 5000);
  emit runStarted(runDir);
  return true;
}

bool TrainingPage::reattachRun(const QString& runDir) {
  if (m_run->isActive()) {
    emit statusMessage(tr("A run is training; stop it before continuing another"), 8000);
    return false;
  }
  // Show the run's own job; its settings must stay as they were for the resume to be exact.
  if (const sa3::Result<sa3::TrainingJob> job = sa3::load_job_file(toPath(runDir) / "job.json", {.require_audio_data_url = false}))
    m_form->setJob(*job);
  m_live->beginRun(RunProgress::State::Starting);
  if (!m_run->reattach(runDir)) {
    m_live->endRun(RunProgress::State::Failed, tr("No trainer is available to continue %1").arg(QDir::toNativeSeparators(runDir)));
    updateRunActions();
    return false;
  }
  updateRunActions();
  emit statusMessage(tr("Continuing %1").arg(QDir::toNativeSeparators(runDir)), 5000);
  emit runStarted(runDir);
  return true;
}

void TrainingPage::pauseRun() {
  if (!m_run->isActive() || !m_run->canPause()) return;
  m_run->pause();
  m_live->setState(RunProgress::State::Pausing);
  updateRunActions();
}

void TrainingPage::resumePausedRun() {
  if (!m_run->isActive()) return;
  m_run->unpause();
  m_live->setState(RunProgress::State::Running);
  updateRunActions();
}

void TrainingPage::stopRun() {
  if (!m_run->isActive()) return;
  m_run->stop();
  m_live->setState(RunProgress::State::Stopping);
  updateRunActions();
}

void TrainingPage::onRunEnded(RunController::Outcome outcome, const QString& message) {
  measureLocalSpeed();
  using State = RunProgress::State;
  const State state = outcome == RunController::Outcome::Finished  ? State::Finished
                      : outcome == RunController::Outcome::Stopped ? State::Stopped
                                                                   : State::Failed;
  m_live->endRun(state, message);
  updateRunActions();
  const QString runDir = m_run->runDir();
  const QString name = QDir(runDir).dirName();
  const auto steps = static_cast<int>(m_live->progress().step());
  switch (outcome) {
    case RunController::Outcome::Finished:
      m_notifier->notify(tr("Training finished"), tr("%1: %n step(s) trained.", nullptr, steps).arg(name), false);
      break;
    case RunController::Outcome::Failed:
      m_notifier->notify(tr("Training failed"), tr("%1: %2").arg(name, message), true);
      break;
    case RunController::Outcome::Stopped:
      emit statusMessage(m_live->progress().onFal()
                             ? tr("Training cancelled on fal at step %1").arg(steps)
                             : tr("Training stopped at step %1; Runs → Resume continues it").arg(steps),
                         8000);
      break;
  }
  emit runEnded(runDir);
}

void TrainingPage::updateRunActions() {
  using State = RunProgress::State;
  const bool active = m_run->isActive();
  const State state = m_live->progress().state();
  m_start->setEnabled(!active && m_run->hasBackendFactory() && m_form->problems().empty());
  m_pause->setEnabled(active && m_run->canPause() && state == State::Running);
  m_resume->setEnabled(active && state == State::Paused);
  m_stop->setEnabled(active && state != State::Stopping);
  // The job of a training run cannot change under it.
  m_form->setEnabled(!active);
  m_presets->setEnabled(!active);
}

void TrainingPage::setDataset(const QString& folder, double longestClipS) {
  m_datasetFolder = folder;
  m_form->setLongestClip(longestClipS);
  m_form->setExampleCaption(firstCaption(folder));
  m_dataset->setText(folder.isEmpty() ? tr("No dataset: open one on the Dataset page first.")
                                      : tr("Dataset: %1").arg(QDir::toNativeSeparators(folder)));
}

QString TrainingPage::jobJson() const {
  sa3::TrainingJob job = m_form->job();
  if (job.audio_data_url.empty()) job.audio_data_url = m_datasetFolder.toStdString();
  return QString::fromStdString(sa3::job_to_json(job));
}

QString TrainingPage::cliCommand() const {
  // Self-contained: writes the job file, then trains on the dataset folder.
  QString command = QStringLiteral("cat > job.json <<'JOB'\n%1\nJOB\nsa3 train --job job.json").arg(jobJson().trimmed());
  if (!m_datasetFolder.isEmpty()) command += QStringLiteral(" --dataset ") + shellQuoted(m_datasetFolder);
  if (m_remote->isChecked()) command += QStringLiteral(" --remote");
  return command + QLatin1Char('\n');
}

void TrainingPage::copyJobJson() {
  QApplication::clipboard()->setText(jobJson());
  emit statusMessage(tr("Job JSON copied"), 3000);
}

void TrainingPage::copyCliCommand() {
  QApplication::clipboard()->setText(cliCommand());
  emit statusMessage(tr("CLI command copied"), 3000);
}

void TrainingPage::askPresetName() {
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("Save preset"), tr("Preset name:"), QLineEdit::Normal,
                                             m_presets->currentText(), &ok)
                           .trimmed();
  if (ok && !name.isEmpty()) savePreset(name);
}

void TrainingPage::savePreset(const QString& name) {
  TrainingPresets::save(name, m_form->job());
  refreshPresets();
  m_presets->setCurrentText(name);
  emit statusMessage(tr("Preset “%1” saved").arg(name), 3000);
}

void TrainingPage::loadPreset(const QString& name) {
  if (name.isEmpty()) return;
  const sa3::Result<sa3::TrainingJob> job = TrainingPresets::load(name);
  if (!job) {
    emit statusMessage(QString::fromStdString(job.error().message), 8000);
    return;
  }
  m_form->setJob(*job);
  emit statusMessage(tr("Preset “%1” loaded").arg(name), 3000);
}

void TrainingPage::deletePreset(const QString& name) {
  if (name.isEmpty()) return;
  TrainingPresets::remove(name);
  refreshPresets();
  emit statusMessage(tr("Preset “%1” deleted").arg(name), 3000);
}

void TrainingPage::refreshPresets() {
  m_presets->clear();
  m_presets->addItems(TrainingPresets::names());
}

void TrainingPage::measureLocalSpeed() {
  m_localSecondsPerStep.clear();
  const auto runs = sa3::list_runs(RunsPage::runsFolder().toStdString());
  if (!runs) return;  // no history to learn from: the estimate says so
  for (const sa3::RunSummary& run : *runs) {  // newest first
    const QString model = QString::fromStdString(run.model);
    if (run.kind != "local" || run.status != "finished" || run.step <= 0 || run.duration_seconds <= 0 ||
        m_localSecondsPerStep.contains(model))
      continue;
    m_localSecondsPerStep.insert(model, run.duration_seconds / static_cast<double>(run.step));
  }
}

void TrainingPage::refreshEstimate() {
  const sa3::TrainingJob job = m_form->job();
  QStringList lines;
  if (!m_form->problems().empty()) lines << tr("<b>Fix the fields marked in red first.</b>");
  lines << tr("%n step(s) on %1 with a %2 adapter of rank %3.", nullptr, job.number_of_steps)
               .arg(QString::fromStdString(job.model), QString::fromStdString(job.adapter_type))
               .arg(job.rank);
  if (m_remote->isChecked()) {
    const double dollars = kFalDollarsPer1000Steps * job.number_of_steps / 1000.0;
    lines << tr("fal cost: <b>$%1</b> ($3.00 per 1000 steps).").arg(dollars, 0, 'f', 2);
    if (job.batch_size > 1) lines << tr("Batch size %1: fal charges a surcharge for batches above 1.").arg(job.batch_size);
  } else {
    const auto measured = m_localSecondsPerStep.constFind(QString::fromStdString(job.model));
    if (measured != m_localSecondsPerStep.constEnd()) {
      const double seconds = *measured * job.number_of_steps;
      const auto minutes = static_cast<qint64>(std::ceil(seconds / 60.0));
      const QString total = minutes >= 60 ? tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60)
                                          : tr("%1 min").arg(minutes);
      lines << tr("About <b>%1</b> here (%2 s/step in the last local run of this model).")
                   .arg(total)
                   .arg(*measured, 0, 'f', 2);
    } else {
      lines << tr("No local run of this model yet: its speed shows here after the first (CUDA when present, else CPU).");
    }
    lines << tr("Memory: about %1 GiB on CPU (batch 1); longer clips and larger batches need more.")
                 .arg(peakMemoryGiB(job), 0, 'f', 1);
    lines << tr("Local training costs nothing.");
  }
  m_estimate->setText(lines.join(QStringLiteral("<br>")));
}

}  // namespace sa3::ui
