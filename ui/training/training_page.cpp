// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingPage: layout, presets, clipboard exports and the estimate panel.
#include "ui/training/training_page.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "ui/settings/secret_store.h"
#include "ui/training/training_form.h"
#include "ui/training/training_presets.h"

namespace sa3::ui {
namespace {
constexpr double kFalDollarsPer1000Steps = 3.00;  // fal's published price (product.md)

// Single-quotes a path for a POSIX shell.
QString shellQuoted(const QString& text) {
  QString quoted = text;
  quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
  return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}
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
      m_dataset(new QLabel(this)) {
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

  auto* side = new QVBoxLayout;
  side->addWidget(where);
  side->addWidget(estimateBox);
  side->addStretch();
  auto* body = new QHBoxLayout;
  body->addWidget(scroll, 3);
  body->addLayout(side, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(presetRow);
  layout->addLayout(body, 1);

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
  refreshEstimate();
}

void TrainingPage::addToMenu(QMenu* trainingMenu) { trainingMenu->addActions(m_actions); }

void TrainingPage::setDataset(const QString& folder, double longestClipS) {
  m_datasetFolder = folder;
  m_form->setLongestClip(longestClipS);
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
    lines << tr("Local training costs nothing; the time per step depends on this machine (CUDA when present, else CPU).");
  }
  m_estimate->setText(lines.join(QStringLiteral("<br>")));
}

}  // namespace sa3::ui
