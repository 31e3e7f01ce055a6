// SPDX-License-Identifier: GPL-3.0-or-later
// AuditionPage: settings panel, demos browser and the A/B comparison with its transport.
#include "ui/audition/audition_page.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "ui/audition/ab_player.h"
#include "ui/audition/render_store.h"
#include "ui/audition/spectrogram_view.h"
#include "ui/background_task.h"
#include "ui/dataset/waveform_view.h"
#include "ui/logging_categories.h"
#include "ui/runs/runs_page.h"
#include "ui/settings/studio_settings.h"
#include "ui/task_progress.h"

namespace sa3::ui {
namespace {

constexpr int kMaxCaptions = 50;

QString formatTime(qint64 ms) {
  return QStringLiteral("%1:%2.%3")
      .arg(ms / 60000)
      .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'))
      .arg((ms / 100) % 10);
}

// A gain that rounds to zero prints as 0.0, not -0.0.
double displayDb(double db) { return std::abs(db) < 0.05 ? 0.0 : db; }

QAction* makeAction(QWidget* page, const QString& text, const QKeySequence& key) {
  auto* action = new QAction(text, page);
  action->setShortcut(key);
  // Single-letter keys (A, B, Space) must only act while the Audition page has focus.
  action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  page->addAction(action);
  return action;
}

// What the run folder tells the page: its demos, the post-trained sibling of the model it was
// trained on, and prompts to start from: the captions it was trained on, then its demo prompts.
struct RunScan {
  QList<DemoStep> demos;
  QString model;
  QStringList captions;
};

// The dataset a run trained on: the copy unpacked into the run (a zip dataset), else the local
// folder job.json names. A remote run names an upload URL, so its dataset is not known here.
QString runDataset(const QString& runFolder, const QJsonObject& job) {
  const QString unpacked = QDir(runFolder).filePath(QStringLiteral("dataset"));
  if (QFileInfo(unpacked).isDir()) return unpacked;
  QString source = job.value(QStringLiteral("audio_data_url")).toString();
  if (source.startsWith(QStringLiteral("file://"))) source = QUrl(source).toLocalFile();
  return QFileInfo(source).isDir() ? source : QString();
}

// Sorted, so the prefilled prompt does not depend on the order the file system lists files in.
QStringList readCaptions(const QString& datasetFolder) {
  QStringList files;
  QDirIterator it(datasetFolder, {QStringLiteral("*.txt")}, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) files << it.next();
  files.sort();
  QStringList captions;
  for (const QString& path : files) {
    if (captions.size() >= kMaxCaptions) break;
    QFile caption(path);
    if (caption.size() > 4096 || !caption.open(QIODevice::ReadOnly)) continue;
    const QString text = QString::fromUtf8(caption.readAll()).simplified();
    if (!text.isEmpty() && !captions.contains(text)) captions << text;
  }
  return captions;
}

RunScan scanRun(const QString& runFolder, const QString& lastDataset) {
  RunScan scan;
  if (!runFolder.isEmpty()) scan.demos = scanDemos(runFolder);
  QJsonObject job;
  QFile jobFile(QDir(runFolder).filePath(QStringLiteral("job.json")));
  if (jobFile.open(QIODevice::ReadOnly)) job = QJsonDocument::fromJson(jobFile.readAll()).object();
  QString model = job.value(QStringLiteral("model")).toString();
  // contracts.md: a LoRA trained on X-base is auditioned on X.
  if (model.endsWith(QStringLiteral("-base"))) model.chop(5);
  scan.model = model;
  QString dataset = runDataset(runFolder, job);
  if (dataset.isEmpty()) dataset = lastDataset;
  if (!dataset.isEmpty()) scan.captions = readCaptions(dataset);
  const QJsonObject studio = job.value(QStringLiteral("studio")).toObject();
  for (const QJsonValue& p : studio.value(QStringLiteral("demo_prompts")).toArray())
    if (!scan.captions.contains(p.toString())) scan.captions << p.toString();
  return scan;
}

}  // namespace

AuditionPage::AuditionPage(QWidget* parent)
    : QWidget(parent),
      m_renderTask(new BackgroundTask(lcPlayback, this)),
      m_prepareTask(new BackgroundTask(lcPlayback, this)),
      m_fileTask(new BackgroundTask(lcPlayback, this)),
      m_scanTask(new BackgroundTask(lcPlayback, this)),
      m_player(new ABPlayer(this)) {
  buildActions();
  auto* left = new QVBoxLayout;
  left->addWidget(buildSettingsPanel());
  left->addWidget(buildDemosPanel());
  auto* progress = new TaskProgress;
  for (BackgroundTask* task : {m_renderTask, m_prepareTask, m_fileTask}) progress->watch(task);
  left->addWidget(progress);
  left->addStretch();
  auto* leftWidget = new QWidget;
  leftWidget->setLayout(left);
  leftWidget->setFixedWidth(380);
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(leftWidget);
  layout->addWidget(buildComparisonPanel(), 1);

  for (BackgroundTask* task : {m_renderTask, m_prepareTask, m_fileTask})
    connect(task, &BackgroundTask::failed, this, &AuditionPage::report);
  connect(m_renderTask, &BackgroundTask::finished, this, &AuditionPage::refreshActions);
  connect(m_player, &ABPlayer::positionChanged, this, &AuditionPage::updatePosition);
  connect(m_player, &ABPlayer::playingChanged, this, [this](bool playing) {
    m_playAction->setText(playing ? tr("&Pause") : tr("&Play"));
  });
  connect(m_player, &ABPlayer::sideChanged, this, &AuditionPage::refreshLabels);
  connect(m_player, &ABPlayer::errorOccurred, this, &AuditionPage::report);
  setRenderFunction({});
  refreshActions();
  refreshLabels();
  if (const QString last = StudioSettings::lastAuditionRun(); !last.isEmpty() && QFileInfo(last).isDir())
    setRunFolder(last);
}

AuditionPage::~AuditionPage() = default;

void AuditionPage::buildActions() {
  m_generateAction = makeAction(this, tr("&Generate Base and LoRA"), QKeySequence(Qt::CTRL | Qt::Key_Return));
  m_cancelAction = makeAction(this, tr("&Cancel Rendering"), QKeySequence(Qt::CTRL | Qt::Key_Period));
  m_playAction = makeAction(this, tr("&Play"), QKeySequence(Qt::Key_Space));
  m_stopAction = makeAction(this, tr("&Stop"), QKeySequence(Qt::SHIFT | Qt::Key_Space));
  m_sideAAction = makeAction(this, tr("Listen to &A"), QKeySequence(Qt::Key_A));
  m_sideBAction = makeAction(this, tr("Listen to &B"), QKeySequence(Qt::Key_B));
  m_toggleSideAction = makeAction(this, tr("&Toggle A/B"), QKeySequence(Qt::Key_T));
  m_blindAction = makeAction(this, tr("Bl&ind Comparison"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
  m_blindAction->setCheckable(true);
  m_guessAAction = makeAction(this, tr("Guess: A Is the Tuned One"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A));
  m_guessBAction = makeAction(this, tr("Guess: B Is the Tuned One"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_B));
  m_revealAction = makeAction(this, tr("&Reveal"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
  m_saveAction = makeAction(this, tr("Sa&ve Renders to Run Folder"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  m_exportAction = makeAction(this, tr("&Export WAV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  m_chooseRunAction = makeAction(this, tr("Choose R&un Folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
  m_chooseLoraAction = makeAction(this, tr("Choose &LoRA File…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
  m_randomSeedAction = makeAction(this, tr("Rando&m Seed"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
  m_compareDemoAction =
      makeAction(this, tr("Compare &Demo with Step 0"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
  // Alt+Up/Down step through clips on the Dataset page; here they step through training steps.
  m_nextDemoAction = makeAction(this, tr("&Next Demo Step"), QKeySequence(Qt::ALT | Qt::Key_Down));
  m_previousDemoAction = makeAction(this, tr("Previous Dem&o Step"), QKeySequence(Qt::ALT | Qt::Key_Up));
  m_reloadRunAction = makeAction(this, tr("Reload Run &Folder"), QKeySequence(Qt::Key_F5));

  connect(m_generateAction, &QAction::triggered, this, &AuditionPage::generate);
  connect(m_cancelAction, &QAction::triggered, m_renderTask, &BackgroundTask::cancel);
  connect(m_playAction, &QAction::triggered, m_player, &ABPlayer::togglePlay);
  connect(m_stopAction, &QAction::triggered, m_player, &ABPlayer::stop);
  connect(m_sideAAction, &QAction::triggered, this, [this] { m_player->setSide(ABPlayer::Side::A); });
  connect(m_sideBAction, &QAction::triggered, this, [this] { m_player->setSide(ABPlayer::Side::B); });
  connect(m_toggleSideAction, &QAction::triggered, m_player, &ABPlayer::toggleSide);
  connect(m_blindAction, &QAction::toggled, this, &AuditionPage::setBlind);
  connect(m_guessAAction, &QAction::triggered, this, [this] { guess(0); });
  connect(m_guessBAction, &QAction::triggered, this, [this] { guess(1); });
  connect(m_revealAction, &QAction::triggered, this, &AuditionPage::reveal);
  connect(m_saveAction, &QAction::triggered, this, &AuditionPage::saveRenders);
  connect(m_exportAction, &QAction::triggered, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export WAV"), QString(), tr("WAV audio (*.wav)"));
    if (!path.isEmpty()) exportAudible(path);
  });
  connect(m_chooseRunAction, &QAction::triggered, this, [this] {
    const QString start = m_runFolder->text().isEmpty() ? RunsPage::runsFolder() : m_runFolder->text();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose Run Folder"), start);
    if (!folder.isEmpty()) setRunFolder(folder);
  });
  connect(m_chooseLoraAction, &QAction::triggered, this, [this] {
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose LoRA File"), m_lora->text(),
                                                      tr("LoRA weights (*.safetensors)"));
    if (!file.isEmpty()) m_lora->setText(file);
  });
  connect(m_randomSeedAction, &QAction::triggered, this,
          [this] { m_seed->setValue(static_cast<int>(QRandomGenerator::global()->bounded(1 << 30))); });
  connect(m_compareDemoAction, &QAction::triggered, this, &AuditionPage::compareSelectedDemo);
  connect(m_nextDemoAction, &QAction::triggered, this, [this] { stepDemo(1); });
  connect(m_previousDemoAction, &QAction::triggered, this, [this] { stepDemo(-1); });
  connect(m_reloadRunAction, &QAction::triggered, this, &AuditionPage::reloadRun);
}

QWidget* AuditionPage::buildSettingsPanel() {
  auto* box = new QGroupBox(tr("Render"));
  auto* form = new QFormLayout(box);
  m_model = new QComboBox;
  m_model->setObjectName(QStringLiteral("model"));
  m_model->addItem(tr("Small music"), QStringLiteral("small-music"));
  m_model->addItem(tr("Small SFX"), QStringLiteral("small-sfx"));
  m_model->addItem(tr("Medium"), QStringLiteral("medium"));
  m_model->setToolTip(tr("The post-trained model to render with. A LoRA trained on “small-music-base” is heard on "
                         "“small-music”."));
  form->addRow(tr("&Model:"), m_model);
  m_modelsFolder = new QLabel;
  m_modelsFolder->setWordWrap(true);
  m_modelsFolder->setToolTip(tr("Change it in Settings."));
  form->addRow(tr("Models folder:"), m_modelsFolder);

  // QFormLayout gives a label a buddy only when the field is a widget, not a layout.
  auto buddyLabel = [](const QString& text, QWidget* buddy) {
    auto* label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
  };
  auto pathRow = [](QLineEdit* edit, QAction* browse) {
    // The field shows the end of a long path; the tooltip has all of it.
    connect(edit, &QLineEdit::textChanged, edit, [edit](const QString& text) { edit->setToolTip(text); });
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    auto* button = new QToolButton;
    button->setDefaultAction(browse);
    button->setText(QStringLiteral("…"));
    row->addWidget(button);
    return row;
  };
  m_runFolder = new QLineEdit;
  m_runFolder->setObjectName(QStringLiteral("runFolder"));
  m_runFolder->setPlaceholderText(tr("Training run (renders are saved there)"));
  connect(m_runFolder, &QLineEdit::editingFinished, this, [this] { setRunFolder(m_runFolder->text()); });
  form->addRow(buddyLabel(tr("R&un:"), m_runFolder), pathRow(m_runFolder, m_chooseRunAction));
  m_lora = new QLineEdit;
  m_lora->setObjectName(QStringLiteral("loraFile"));
  m_lora->setPlaceholderText(tr("lora.safetensors"));
  connect(m_lora, &QLineEdit::textChanged, this, [this] {
    m_problem.clear();
    refreshActions();
  });
  form->addRow(buddyLabel(tr("&LoRA:"), m_lora), pathRow(m_lora, m_chooseLoraAction));

  m_prompt = new QComboBox;
  m_prompt->setObjectName(QStringLiteral("prompt"));
  m_prompt->setEditable(true);
  m_prompt->setInsertPolicy(QComboBox::NoInsert);
  m_prompt->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_prompt->setMinimumContentsLength(20);
  m_prompt->setToolTip(tr("Type a prompt or pick a caption from the training data."));
  connect(m_prompt, &QComboBox::currentTextChanged, this, &AuditionPage::refreshActions);
  form->addRow(tr("&Prompt:"), m_prompt);
  m_seconds = new QDoubleSpinBox;
  m_seconds->setObjectName(QStringLiteral("seconds"));
  m_seconds->setRange(1, 190);
  m_seconds->setDecimals(1);
  m_seconds->setValue(10);
  m_seconds->setSuffix(tr(" s"));
  form->addRow(tr("&Duration:"), m_seconds);
  m_seed = new QSpinBox;
  m_seed->setObjectName(QStringLiteral("seed"));
  m_seed->setRange(0, std::numeric_limits<int>::max());
  m_seed->setValue(7);
  auto* seedRow = new QHBoxLayout;
  seedRow->addWidget(m_seed, 1);
  auto* dice = new QToolButton;
  dice->setDefaultAction(m_randomSeedAction);
  seedRow->addWidget(dice);
  form->addRow(buddyLabel(tr("S&eed:"), m_seed), seedRow);
  m_steps = new QSpinBox;
  m_steps->setObjectName(QStringLiteral("steps"));
  m_steps->setRange(0, 500);
  m_steps->setSpecialValueText(tr("Model default"));
  form->addRow(tr("Ste&ps:"), m_steps);
  m_strength = new QDoubleSpinBox;
  m_strength->setObjectName(QStringLiteral("strength"));
  m_strength->setRange(0, 2);
  m_strength->setSingleStep(0.05);
  m_strength->setValue(1.0);
  m_strength->setToolTip(tr("How strongly the LoRA applies: 0 is the base model, 1 as trained."));
  form->addRow(tr("S&trength:"), m_strength);
  auto* generate = new QPushButton;
  connect(generate, &QPushButton::clicked, m_generateAction, &QAction::trigger);
  connect(m_generateAction, &QAction::changed, generate, [generate, this] {
    generate->setText(m_generateAction->text().remove(QLatin1Char('&')));
    generate->setEnabled(m_generateAction->isEnabled());
  });
  generate->setText(m_generateAction->text().remove(QLatin1Char('&')));
  form->addRow(generate);
  m_generateNote = new QLabel;
  m_generateNote->setObjectName(QStringLiteral("generateNote"));
  m_generateNote->setWordWrap(true);
  form->addRow(m_generateNote);
  return box;
}

QWidget* AuditionPage::buildDemosPanel() {
  auto* box = new QGroupBox(tr("Validation demos"));
  auto* form = new QFormLayout(box);
  m_demoStep = new QComboBox;
  m_demoStep->setObjectName(QStringLiteral("demoStep"));
  connect(m_demoStep, &QComboBox::currentIndexChanged, this, &AuditionPage::refreshDemoEntries);
  form->addRow(tr("Step:"), m_demoStep);
  m_demoEntry = new QComboBox;
  m_demoEntry->setObjectName(QStringLiteral("demoEntry"));
  m_demoEntry->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_demoEntry->setMinimumContentsLength(20);
  form->addRow(tr("Prompt / seed:"), m_demoEntry);
  // Picking a step or a prompt is asking to hear it.
  connect(m_demoStep, &QComboBox::activated, this, &AuditionPage::compareSelectedDemo);
  connect(m_demoEntry, &QComboBox::activated, this, &AuditionPage::compareSelectedDemo);
  auto* compare = new QPushButton(tr("Compare with Step 0"));
  connect(compare, &QPushButton::clicked, m_compareDemoAction, &QAction::trigger);
  connect(m_compareDemoAction, &QAction::changed, compare,
          [compare, this] { compare->setEnabled(m_compareDemoAction->isEnabled()); });
  form->addRow(compare);
  m_demosNote = new QLabel;
  m_demosNote->setObjectName(QStringLiteral("demosNote"));
  m_demosNote->setWordWrap(true);
  form->addRow(m_demosNote);
  refreshDemosNote();
  return box;
}

QWidget* AuditionPage::buildComparisonPanel() {
  auto* box = new QGroupBox(tr("Comparison"));
  auto* layout = new QVBoxLayout(box);
  for (int i = 0; i < 2; ++i) {
    m_sideLabels[i] = new QLabel;
    QFont bold = m_sideLabels[i]->font();
    bold.setBold(true);
    m_sideLabels[i]->setFont(bold);
    m_waveforms[i] = new WaveformView;
    m_waveforms[i]->setNote(i == 0 ? tr("The base model (or a demo at step 0) appears here after Generate.")
                                   : tr("The LoRA (or the demo at a later step) appears here."));
    m_waveforms[i]->setMinimumHeight(80);
    m_spectrograms[i] = new SpectrogramView;
    m_spectrograms[i]->setMinimumHeight(120);
    connect(m_waveforms[i], &WaveformView::seekRequested, this, [this](double fraction) {
      if (m_pair) m_player->seek(static_cast<qint64>(fraction * m_pair->sides[0].audio.duration_s() * 1000));
    });
    layout->addWidget(m_sideLabels[i]);
    layout->addWidget(m_waveforms[i], 2);
    layout->addWidget(m_spectrograms[i], 3);
  }
  auto* transport = new QHBoxLayout;
  for (QAction* a : {m_playAction, m_stopAction, m_sideAAction, m_sideBAction, m_toggleSideAction}) {
    auto* button = new QToolButton;
    button->setDefaultAction(a);
    transport->addWidget(button);
  }
  m_positionSlider = new QSlider(Qt::Horizontal);
  connect(m_positionSlider, &QSlider::sliderMoved, m_player, &ABPlayer::seek);
  transport->addWidget(m_positionSlider, 1);
  m_time = new QLabel(tr("%1 / %2").arg(formatTime(0), formatTime(0)));
  transport->addWidget(m_time);
  layout->addLayout(transport);

  auto* blindRow = new QHBoxLayout;
  auto* blind = new QCheckBox(tr("Blind"));
  connect(blind, &QCheckBox::toggled, m_blindAction, &QAction::setChecked);
  connect(m_blindAction, &QAction::toggled, blind, &QCheckBox::setChecked);
  blindRow->addWidget(blind);
  for (QAction* a : {m_guessAAction, m_guessBAction, m_revealAction}) {
    auto* button = new QToolButton;
    button->setDefaultAction(a);
    blindRow->addWidget(button);
  }
  m_guessLabel = new QLabel;
  blindRow->addWidget(m_guessLabel, 1);
  for (QAction* a : {m_saveAction, m_exportAction}) {
    auto* button = new QToolButton;
    button->setDefaultAction(a);
    blindRow->addWidget(button);
  }
  layout->addLayout(blindRow);
  m_loudnessNote = new QLabel;
  layout->addWidget(m_loudnessNote);
  return box;
}

void AuditionPage::addToMenu(QMenu* menu) {
  menu->addActions({m_generateAction, m_cancelAction});
  menu->addSeparator();
  menu->addActions({m_playAction, m_stopAction, m_sideAAction, m_sideBAction, m_toggleSideAction});
  menu->addSeparator();
  menu->addActions({m_blindAction, m_guessAAction, m_guessBAction, m_revealAction});
  menu->addSeparator();
  menu->addActions({m_saveAction, m_exportAction});
  menu->addSeparator();
  menu->addActions({m_chooseRunAction, m_reloadRunAction, m_chooseLoraAction, m_randomSeedAction});
  menu->addSeparator();
  menu->addActions({m_compareDemoAction, m_nextDemoAction, m_previousDemoAction});
}

void AuditionPage::setRenderFunction(RenderFunction render) {
  m_render = std::move(render);
  refreshActions();
}

AuditionSettings AuditionPage::settings() const {
  AuditionSettings s;
  s.modelsFolder = StudioSettings::modelsFolder();
  s.model = m_model->currentData().toString();
  s.runFolder = m_runFolder->text();
  s.loraFile = m_lora->text();
  s.prompt = m_prompt->currentText().trimmed();
  s.seconds = m_seconds->value();
  s.seed = static_cast<quint64>(m_seed->value());
  s.steps = m_steps->value();
  s.strength = m_strength->value();
  return s;
}

QStringList AuditionPage::prompts() const {
  QStringList list;
  for (int i = 0; i < m_prompt->count(); ++i) list << m_prompt->itemText(i);
  return list;
}

void AuditionPage::setRunFolder(const QString& folder) {
  // A LoRA the user chose by hand stays; the one filled in from the previous run follows the run.
  const QString lora = m_lora->text();
  if (lora.isEmpty() || !QFileInfo::exists(lora) || lora == m_runLora) {
    m_runLora = QDir(folder).filePath(QStringLiteral("lora.safetensors"));
    m_lora->setText(m_runLora);
  }
  m_runFolder->setText(folder);
  if (!folder.isEmpty()) StudioSettings::setLastAuditionRun(folder);
  reloadRun();
}

void AuditionPage::setPrompt(const QString& prompt) { m_prompt->setCurrentText(prompt); }

void AuditionPage::reloadRun() {
  const QString run = m_runFolder->text();
  const QString dataset = StudioSettings::lastDatasetFolder();
  m_scanTask->start(tr("Reading the run"), [this, run, dataset](sa3::JobControl&, const BackgroundTask::Post& post) {
    RunScan scan = scanRun(run, dataset);
    post([this, run, scan = std::move(scan)] {
      m_demos = scan.demos;
      // A reload of the same run keeps the model the user picked.
      if (const int i = m_model->findData(scan.model); i >= 0 && run != m_scannedRun) m_model->setCurrentIndex(i);
      m_scannedRun = run;
      const QString typed = m_prompt->currentText();
      m_prompt->clear();
      m_prompt->addItems(scan.captions);
      m_prompt->setCurrentText(typed.isEmpty() && !scan.captions.isEmpty() ? scan.captions.constFirst() : typed);
      const QVariant shownStep = m_demoStep->currentData();
      const QSignalBlocker blocker(m_demoStep);
      m_demoStep->clear();
      for (const DemoStep& step : std::as_const(m_demos)) {
        if (step.complete && step.step != 0) m_demoStep->addItem(tr("Step %1").arg(step.step), step.step);
      }
      if (const int i = m_demoStep->findData(shownStep); shownStep.isValid() && i >= 0) m_demoStep->setCurrentIndex(i);
      refreshDemoEntries();
      refreshDemosNote();
      emit demosScanned();
    });
  });
}

void AuditionPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!m_runFolder->text().isEmpty()) reloadRun();
}

const DemoStep* AuditionPage::selectedDemoStep() const {
  const QVariant step = m_demoStep->currentData();
  if (!step.isValid()) return nullptr;
  for (const DemoStep& s : m_demos)
    if (s.step == step.toLongLong()) return &s;
  return nullptr;
}

void AuditionPage::refreshDemoEntries() {
  // The same prompt and seed stays selected from step to step: demo files are named by both.
  const QString shownFile = m_demoEntry->currentData().toString();
  m_demoEntry->clear();
  if (const DemoStep* step = selectedDemoStep()) {
    for (const DemoEntry& e : step->entries)
      m_demoEntry->addItem(tr("%1 (seed %2)").arg(e.prompt).arg(e.seed), QFileInfo(e.file).fileName());
  }
  if (const int i = m_demoEntry->findData(shownFile); i >= 0) m_demoEntry->setCurrentIndex(i);
  refreshActions();
}

void AuditionPage::refreshDemosNote() {
  const bool baseline = std::any_of(m_demos.cbegin(), m_demos.cend(),
                                    [](const DemoStep& s) { return s.step == 0 && s.complete; });
  if (m_runFolder->text().isEmpty())
    m_demosNote->setText(tr("Choose a run to browse the demos it rendered while training."));
  else if (m_demoStep->count() == 0)
    m_demosNote->setText(tr("No validation demos in this run yet. The trainer renders them every "
                            "“demo every” steps; reload (%1) to pick up new ones.")
                             .arg(m_reloadRunAction->shortcut().toString(QKeySequence::NativeText)));
  else if (!baseline)
    m_demosNote->setText(tr("This run has no step-0 baseline to compare its demos with."));
  else
    m_demosNote->setText(tr("%n step(s) with demos; %1 and %2 step through them.", nullptr, m_demoStep->count())
                             .arg(m_previousDemoAction->shortcut().toString(QKeySequence::NativeText),
                                  m_nextDemoAction->shortcut().toString(QKeySequence::NativeText)));
}

void AuditionPage::compareSelectedDemo() {
  const DemoStep* step = selectedDemoStep();
  const int e = m_demoEntry->currentIndex();
  if (!step || e < 0 || e >= step->entries.size()) return;
  compareDemo(step->entries[e], step->step);
}

void AuditionPage::stepDemo(int delta) {
  const int next = m_demoStep->currentIndex() + delta;
  if (next < 0 || next >= m_demoStep->count()) return;
  m_demoStep->setCurrentIndex(next);
  compareSelectedDemo();
}

void AuditionPage::generate() {
  if (!m_render || m_renderTask->isRunning()) return;
  const AuditionSettings s = settings();
  m_problem.clear();
  m_player->stop();
  m_renderTask->start(tr("Rendering base and LoRA"), [this, s, render = m_render](sa3::JobControl& job,
                                                                                   const BackgroundTask::Post& post) {
    std::array<sa3::AudioBuffer, 2> audio;
    for (int i = 0; i < 2; ++i) {
      // Each render counts half of the bar; a cancel reaches the generator at its next step.
      sa3::JobControl inner;
      inner.on_log = job.on_log;
      inner.on_progress = [&job, &inner, i](double done, double total, const std::string& what) {
        if (job.cancelled()) inner.cancel();
        job.progress(i * total + done, 2 * total, what);
      };
      if (job.cancelled()) return;
      auto result = render(s.selection(), s.generateSettings(i == 1), inner);
      if (!result) {
        if (result.error().cancelled() || job.cancelled()) return;
        post([this, message = QString::fromStdString(result.error().message)] { report(message); });
        return;
      }
      audio[i] = std::move(*result);
    }
    post([this, s, audio = std::move(audio)]() mutable {
      showRenders(s, std::move(audio[0]), std::move(audio[1]));
      if (!s.runFolder.isEmpty()) saveRenders();
    });
  });
  refreshActions();
}

void AuditionPage::showRenders(const AuditionSettings& settings, sa3::AudioBuffer base, sa3::AudioBuffer lora) {
  m_renderSettings = settings;
  m_renders = std::make_shared<const std::array<sa3::AudioBuffer, 2>>(
      std::array<sa3::AudioBuffer, 2>{std::move(base), std::move(lora)});
  ComparisonSide a{tr("Base"), (*m_renders)[0]};
  ComparisonSide b{tr("LoRA"), (*m_renders)[1]};
  showComparison(std::move(a), std::move(b));
  refreshActions();
}

void AuditionPage::compareDemo(const DemoEntry& entry, qint64 step) {
  const DemoEntry* baseline = baselineFor(m_demos, entry);
  if (!baseline) {
    report(tr("No step-0 baseline for %1: the run has no complete demos/step-000000.").arg(entry.file));
    return;
  }
  const QString baseFile = baseline->file;
  const QString tunedFile = entry.file;
  const QString baseRole = tr("Step 0");
  const QString tunedRole = tr("Step %1").arg(step);
  const QString dir = m_playbackDir.path();
  const int serial = ++m_serial;
  m_renders.reset();
  m_player->stop();
  m_prepareTask->start(tr("Loading demos"), [=, this](sa3::JobControl&, const BackgroundTask::Post& post) {
    auto base = sa3::decode_audio(toFsPath(baseFile));
    auto tuned = sa3::decode_audio(toFsPath(tunedFile));
    for (const auto* r : {&base, &tuned}) {
      if (!*r) {
        post([this, m = QString::fromStdString(r->error().message)] { report(m); });
        return;
      }
    }
    auto pair = prepareComparison({baseRole, std::move(*base)}, {tunedRole, std::move(*tuned)}, dir, serial);
    post([this, pair = std::move(pair)]() mutable {
      if (!pair) return report(QString::fromStdString(pair.error().message));
      setPair(std::move(*pair));
    });
  });
  refreshActions();
}

void AuditionPage::showComparison(ComparisonSide a, ComparisonSide b) {
  m_player->stop();
  const int serial = ++m_serial;
  const QString dir = m_playbackDir.path();
  m_prepareTask->start(tr("Matching loudness"), [this, a = std::move(a), b = std::move(b), dir, serial](
                                                    sa3::JobControl&, const BackgroundTask::Post& post) mutable {
    auto pair = prepareComparison(std::move(a), std::move(b), dir, serial);
    post([this, pair = std::move(pair)]() mutable {
      if (!pair) return report(QString::fromStdString(pair.error().message));
      setPair(std::move(*pair));
    });
  });
}

void AuditionPage::setPair(ComparisonPair pair) {
  m_pair = std::make_shared<const ComparisonPair>(std::move(pair));
  m_revealed = false;
  m_guess = -1;
  m_order = {0, 1};
  if (m_blind && QRandomGenerator::global()->bounded(2) == 1) m_order = {1, 0};
  m_positionSlider->setRange(0, static_cast<int>(m_pair->sides[0].audio.duration_s() * 1000));
  const auto& s = m_pair->sides;
  m_loudnessNote->setText(
      m_pair->loudnessMatched
          ? tr("Loudness-matched: %1 %2 LUFS (%3 dB), %4 %5 LUFS (%6 dB).")
                .arg(s[0].role)
                .arg(s[0].loudness, 0, 'f', 1)
                .arg(displayDb(s[0].gain), 0, 'f', 1)
                .arg(s[1].role)
                .arg(s[1].loudness, 0, 'f', 1)
                .arg(displayDb(s[1].gain), 0, 'f', 1)
          : tr("Not loudness-matched: one render is silent."));
  applyOrder();
  emit comparisonReady();
}

void AuditionPage::applyOrder() {
  if (!m_pair) return;
  const auto& sides = m_pair->sides;
  m_player->setSources(sides[m_order[0]].playbackFile, sides[m_order[1]].playbackFile);
  for (int slot = 0; slot < 2; ++slot) {
    const ComparisonSide& side = sides[m_order[slot]];
    m_waveforms[slot]->setPeaks(side.peaks.min, side.peaks.max);
    m_waveforms[slot]->setPlayhead(0);
    m_spectrograms[slot]->setSpectrogram(side.spectrogram);
    m_spectrograms[slot]->setPlayhead(0);
  }
  refreshLabels();
  refreshActions();
}

QString AuditionPage::roleOf(int side) const {
  return m_pair && (side == 0 || side == 1) ? m_pair->sides[m_order[side]].role : QString();
}

QString AuditionPage::sideLabel(int side) const { return m_sideLabels[side]->text(); }

QString AuditionPage::guessResult() const { return m_guessLabel->text(); }

void AuditionPage::refreshLabels() {
  const bool heard[2] = {m_player->side() == ABPlayer::Side::A, m_player->side() == ABPlayer::Side::B};
  for (int slot = 0; slot < 2; ++slot) {
    const QString letter = slot == 0 ? tr("A") : tr("B");
    QString text = letter;
    if (m_pair && isRevealed()) text = tr("%1: %2").arg(letter, roleOf(slot));
    if (heard[slot] && m_pair) text = tr("%1 (playing)").arg(text);
    m_sideLabels[slot]->setText(text);
  }
  // The loudness note names roles, so it would give a blind comparison away.
  m_loudnessNote->setVisible(isRevealed());
  const QString tuned = m_pair ? m_pair->sides[1].role : tr("LoRA");
  m_guessAAction->setText(tr("Guess: A Is %1").arg(tuned));
  m_guessBAction->setText(tr("Guess: B Is %1").arg(tuned));
}

void AuditionPage::setBlind(bool blind) {
  if (blind == m_blind) return;
  m_blind = blind;
  m_blindAction->setChecked(blind);
  m_guessLabel->clear();
  if (m_pair) {
    m_revealed = false;
    m_guess = -1;
    m_order = {0, 1};
    if (blind && QRandomGenerator::global()->bounded(2) == 1) m_order = {1, 0};
    applyOrder();
  }
  refreshLabels();
  refreshActions();
}

void AuditionPage::guess(int side) {
  if (!m_pair || !m_blind || m_revealed || (side != 0 && side != 1)) return;
  m_guess = side;
  const int tunedSlot = m_order[0] == 1 ? 0 : 1;
  const QString letter = tunedSlot == 0 ? tr("A") : tr("B");
  m_guessLabel->setText(side == tunedSlot ? tr("Right: %1 was %2.").arg(letter, m_pair->sides[1].role)
                                          : tr("Wrong: %1 was %2.").arg(letter, m_pair->sides[1].role));
  reveal();
}

void AuditionPage::reveal() {
  if (!m_pair || !m_blind) return;
  m_revealed = true;
  refreshLabels();
  refreshActions();
}

void AuditionPage::saveRenders() {
  if (!m_renders) return;
  const AuditionSettings s = m_renderSettings;
  m_fileTask->start(tr("Saving renders"), [this, s, renders = m_renders](sa3::JobControl&,
                                                                         const BackgroundTask::Post& post) {
    auto saved = ui::saveRenders(s, (*renders)[0], (*renders)[1], QDateTime::currentDateTime());
    post([this, saved = std::move(saved)] {
      if (!saved) return report(QString::fromStdString(saved.error().message));
      emit statusMessage(tr("Saved %1 and %2.").arg(QFileInfo(saved->at(0)).fileName(), QFileInfo(saved->at(1)).fileName()));
      emit rendersSaved(*saved);
    });
  });
}

void AuditionPage::exportAudible(const QString& path) {
  if (!m_pair) return;
  const int index = m_order[static_cast<int>(m_player->side())];
  m_fileTask->start(tr("Exporting"), [this, path, pair = m_pair, index](sa3::JobControl&,
                                                                         const BackgroundTask::Post& post) {
    const sa3::Status written = sa3::write_audio(toFsPath(path), pair->sides[index].audio);
    post([this, path, written] {
      if (!written) return report(QString::fromStdString(written.error().message));
      emit statusMessage(tr("Exported %1.").arg(QDir::toNativeSeparators(path)));
    });
  });
}

void AuditionPage::updatePosition(qint64 ms) {
  if (!m_positionSlider->isSliderDown()) m_positionSlider->setValue(static_cast<int>(ms));
  const double length = m_pair ? m_pair->sides[0].audio.duration_s() * 1000 : 0;
  m_time->setText(tr("%1 / %2").arg(formatTime(ms), formatTime(static_cast<qint64>(length))));
  const double fraction = length > 0 ? std::clamp(ms / length, 0.0, 1.0) : -1;
  for (int i = 0; i < 2; ++i) {
    m_waveforms[i]->setPlayhead(fraction);
    m_spectrograms[i]->setPlayhead(fraction);
  }
}

void AuditionPage::refreshActions() {
  const bool rendering = m_renderTask->isRunning();
  const bool ready = m_render && !m_lora->text().isEmpty() && !m_prompt->currentText().trimmed().isEmpty();
  m_generateAction->setEnabled(ready && !rendering);
  m_cancelAction->setEnabled(rendering);
  if (!m_render)
    m_generateNote->setText(tr("This build cannot render: it was made without the generator."));
  else if (m_lora->text().isEmpty())
    m_generateNote->setText(tr("Choose a run or a LoRA file to compare with the base model."));
  else
    m_generateNote->setText(m_problem);
  m_modelsFolder->setText(QDir::toNativeSeparators(StudioSettings::modelsFolder()));
  const bool hasPair = m_pair != nullptr;
  for (QAction* a : {m_playAction, m_stopAction, m_sideAAction, m_sideBAction, m_toggleSideAction, m_exportAction})
    a->setEnabled(hasPair);
  const bool guessing = hasPair && m_blind && !m_revealed;
  for (QAction* a : {m_guessAAction, m_guessBAction, m_revealAction}) a->setEnabled(guessing);
  m_saveAction->setEnabled(m_renders != nullptr && !m_renderSettings.runFolder.isEmpty());
  m_compareDemoAction->setEnabled(m_demoEntry->currentIndex() >= 0);
  m_nextDemoAction->setEnabled(m_demoStep->currentIndex() + 1 < m_demoStep->count());
  m_previousDemoAction->setEnabled(m_demoStep->currentIndex() > 0);
  m_reloadRunAction->setEnabled(!m_runFolder->text().isEmpty());
}

void AuditionPage::report(const QString& message) {
  qCWarning(lcPlayback).noquote() << message;
  m_problem = message;
  m_generateNote->setText(message);
  emit statusMessage(message);
}

}  // namespace sa3::ui
