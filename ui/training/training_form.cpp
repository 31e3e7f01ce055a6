// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingForm: widgets, job <-> widgets, inline validation.
#include "ui/training/training_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStyle>
#include <cmath>
#include <limits>

namespace sa3::ui {
namespace {
const char* kInvalidProperty = "sa3Invalid";

QStringList lines(const QPlainTextEdit* edit) {
  QStringList out;
  const QStringList all = edit->toPlainText().split(QLatin1Char('\n'));
  for (const QString& line : all)
    if (!line.trimmed().isEmpty()) out << line.trimmed();
  return out;
}

std::optional<std::vector<std::string>> patterns(const QPlainTextEdit* edit) {
  const QStringList l = lines(edit);
  if (l.isEmpty()) return std::nullopt;  // no filter, as upstream's null
  std::vector<std::string> out;
  for (const QString& s : l) out.push_back(s.toStdString());
  return out;
}

// "1e-4", "2.5e-5": learning rates read best in scientific notation.
QString scientific(double value) {
  if (!(value > 0) || !std::isfinite(value)) return QString::number(value);
  const int exponent = static_cast<int>(std::floor(std::log10(value)));
  const double mantissa = value / std::pow(10.0, exponent);
  return QStringLiteral("%1e%2").arg(QString::number(mantissa, 'g', 6)).arg(exponent);
}

QString joined(const std::optional<std::vector<std::string>>& list) {
  QStringList out;
  if (list)
    for (const std::string& s : *list) out << QString::fromStdString(s);
  return out.join(QLatin1Char('\n'));
}
}  // namespace

TrainingForm::TrainingForm(QWidget* parent)
    : QWidget(parent),
      m_model(new QComboBox(this)),
      m_steps(new QSpinBox(this)),
      m_learningRate(new QLineEdit(this)),
      m_rank(new QSpinBox(this)),
      m_adapter(new QComboBox(this)),
      m_autoDuration(new QCheckBox(tr("auto"), this)),
      m_duration(new QLineEdit(this)),
      m_batchSize(new QSpinBox(this)),
      m_seed(new QLineEdit(this)),
      m_precision(new QComboBox(this)),
      m_scope(new QComboBox(this)),
      m_include(new QPlainTextEdit(this)),
      m_exclude(new QPlainTextEdit(this)),
      m_checkpoint(new QLineEdit(this)),
      m_preEncode(new QCheckBox(tr("Pre-encode latents and text embeddings once"), this)),
      m_triggerWord(new QLineEdit(this)),
      m_checkpointEvery(new QSpinBox(this)),
      m_demoEvery(new QSpinBox(this)),
      m_demoPrompts(new QPlainTextEdit(this)),
      m_problemsLabel(new QLabel(this)) {
  m_model->addItem(tr("medium-base — 1.4 B, up to 380 s, best quality"), QStringLiteral("medium-base"));
  m_model->addItem(tr("small-music-base — fast, music up to 120 s"), QStringLiteral("small-music-base"));
  m_model->addItem(tr("small-sfx-base — fast, sound effects up to 120 s"), QStringLiteral("small-sfx-base"));
  const QList<QPair<QString, QString>> adapters = {
      {QStringLiteral("lora"), tr("lora — classic low-rank update")},
      {QStringLiteral("dora"), tr("dora — low-rank update with learned magnitude")},
      {QStringLiteral("dora-rows"), tr("dora-rows — DoRA, magnitude per output row (recommended)")},
      {QStringLiteral("dora-cols"), tr("dora-cols — DoRA, magnitude per input column")},
      {QStringLiteral("bora"), tr("bora — magnitude per row and column")},
      {QStringLiteral("lora-xs"), tr("lora-xs — tiny trainable core, rank ≤ 17")},
      {QStringLiteral("dora-rows-xs"), tr("dora-rows-xs — tiny DoRA rows, rank ≤ 17")},
      {QStringLiteral("dora-cols-xs"), tr("dora-cols-xs — tiny DoRA columns, rank ≤ 17")},
      {QStringLiteral("bora-xs"), tr("bora-xs — tiny BoRA, rank ≤ 17")}};
  for (const auto& [id, text] : adapters) m_adapter->addItem(text, id);
  for (const std::string& p : sa3::base_precisions()) m_precision->addItem(QString::fromStdString(p));
  m_steps->setRange(0, sa3::kMaxSteps * 10);  // out-of-range values are shown as problems, not clamped
  m_rank->setRange(0, sa3::kMaxRank * 4);
  m_batchSize->setRange(0, sa3::kMaxBatchSize * 4);
  m_scope->addItem(tr("All targets"), QString());
  m_scope->addItem(tr("Core: per-block attention and feed-forward only"),
                   QStringLiteral("self_attn.\ncross_attn.\nff.ff."));
  m_scope->addItem(tr("Custom"), QStringLiteral("custom"));
  m_include->setPlaceholderText(tr("one pattern per line, e.g. layers.[0-11].self_attn (empty: everything)"));
  m_exclude->setPlaceholderText(tr("one pattern per line (empty: nothing excluded)"));
  for (QPlainTextEdit* edit : {m_include, m_exclude}) edit->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 12);
  m_checkpoint->setPlaceholderText(tr("optional: a LoRA .safetensors URL or path to continue from"));
  // The long one-line explanations would otherwise set the form's minimum width and push the
  // fields out of the job pane; the open list still shows them whole.
  for (QComboBox* c : {m_model, m_adapter, m_precision, m_scope}) {
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(16);
  }
  m_problemsLabel->setWordWrap(true);
  m_problemsLabel->setStyleSheet(QStringLiteral("color: #c0392b;"));

  auto* form = new QFormLayout(this);
  form->addRow(tr("&Model:"), addField(QStringLiteral("model"), m_model,
                                        tr("Base model to train on. A LoRA trained on X-base is auditioned on X.")));
  form->addRow(tr("&Steps:"), addField(QStringLiteral("number_of_steps"), m_steps,
                                        tr("Optimizer steps, 1–20000 (fal default 1000). Cost on fal: $3.00 per 1000.")));
  form->addRow(tr("&Learning rate:"), addField(QStringLiteral("learning_rate"), m_learningRate,
                                                tr("AdamW learning rate in scientific notation, e.g. 1e-4 (default).")));
  form->addRow(tr("&Adapter:"), addField(QStringLiteral("adapter_type"), m_adapter,
                                          tr("How the weights are adapted; dora-rows is the default recipe.")));
  form->addRow(tr("&Rank:"), addField(QStringLiteral("rank"), m_rank,
                                       tr("Adapter rank, 1–256 (default 16; at most 17 for -xs adapters).")));
  auto* durationRow = new QHBoxLayout;
  durationRow->addWidget(m_autoDuration);
  durationRow->addWidget(addField(QStringLiteral("duration"), m_duration,
                                  tr("Seconds of audio per example; auto uses the longest clip, capped at the model's native length.")),
                         1);
  auto* durationLabel = new QLabel(tr("&Duration:"), this);
  durationLabel->setBuddy(m_duration);
  form->addRow(durationLabel, durationRow);
  form->addRow(tr("&Batch size:"), addField(QStringLiteral("batch_size"), m_batchSize,
                                             tr("Examples per step, 1–64 (default 1). fal charges more for larger batches.")));
  form->addRow(tr("S&eed:"), addField(QStringLiteral("seed"), m_seed, tr("Random seed for data order and noise (default 42).")));
  form->addRow(tr("&Precision:"), addField(QStringLiteral("base_precision"), m_precision,
                                            tr("Precision of the frozen base weights (default bf16). On CPU fp16 weights compute in fp32.")));
  form->addRow(tr("Sco&pe:"), addField(QStringLiteral("scope"), m_scope, tr("Which modules get adapters.")));
  form->addRow(tr("&Include:"), addField(QStringLiteral("include"), m_include,
                                          tr("Module-name substrings to adapt; [a-b] expands ranges.")));
  form->addRow(tr("E&xclude:"), addField(QStringLiteral("exclude"), m_exclude,
                                          tr("Module-name substrings never adapted; exclude wins over include.")));
  form->addRow(tr("Resume &LoRA:"), addField(QStringLiteral("lora_checkpoint_url"), m_checkpoint,
                                              tr("Start from an existing LoRA instead of zero.")));
  form->addRow(QString(), addField(QStringLiteral("pre_encode"), m_preEncode,
                                   tr("Encode every clip once before training: faster steps, more disk.")));
  form->addRow(tr("&Trigger word:"), addField(QStringLiteral("studio.trigger_word"), m_triggerWord,
                                               tr("Prepended to demo prompts; use the word your captions start with.")));
  m_checkpointEvery->setRange(1, 20000);
  m_checkpointEvery->setSuffix(tr(" steps"));
  form->addRow(tr("Check&point every:"), addField(QStringLiteral("studio.checkpoint_every"), m_checkpointEvery,
                                                  tr("Steps between checkpoints; a stopped run resumes from the newest.")));
  m_demoEvery->setRange(0, 20000);
  m_demoEvery->setSuffix(tr(" steps"));
  m_demoEvery->setSpecialValueText(tr("never"));
  form->addRow(tr("De&mos every:"), addField(QStringLiteral("studio.demo_every"), m_demoEvery,
                                             tr("Steps between demo renders of the prompts below (plus one at step 0), "
                                                "heard on the Audition page.")));
  m_demoPrompts->setPlaceholderText(tr("one prompt per line (empty: no demos)"));
  m_demoPrompts->setFixedHeight(m_demoPrompts->fontMetrics().lineSpacing() * 3 + 12);
  form->addRow(tr("Demo pr&ompts:"), addField(QStringLiteral("studio.demo_prompts"), m_demoPrompts,
                                              tr("Prompts rendered with the adapter as it trains, always with the same seed.")));
  form->addRow(m_problemsLabel);

  connect(m_autoDuration, &QCheckBox::toggled, m_duration, &QWidget::setDisabled);
  connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
    const QString preset = m_scope->currentData().toString();
    if (preset != QStringLiteral("custom")) m_include->setPlainText(preset);
  });
  auto changed = [this] {
    if (m_loading) return;
    validate();
    emit jobChanged();
  };
  for (QLineEdit* e : {m_learningRate, m_duration, m_seed, m_checkpoint, m_triggerWord})
    connect(e, &QLineEdit::textChanged, this, changed);
  for (QSpinBox* s : {m_steps, m_rank, m_batchSize, m_checkpointEvery, m_demoEvery}) connect(s, &QSpinBox::valueChanged, this, changed);
  for (QComboBox* c : {m_model, m_adapter, m_precision}) connect(c, &QComboBox::currentIndexChanged, this, changed);
  for (QCheckBox* c : {m_autoDuration, m_preEncode}) connect(c, &QCheckBox::toggled, this, changed);
  for (QPlainTextEdit* e : {m_include, m_exclude, m_demoPrompts}) connect(e, &QPlainTextEdit::textChanged, this, changed);
  setJob(sa3::TrainingJob{});
}

QWidget* TrainingForm::addField(const QString& field, QWidget* widget, const QString& tooltip) {
  widget->setToolTip(tooltip);
  widget->setAccessibleName(field);
  m_fields.insert(field, widget);
  return widget;
}

void TrainingForm::setExampleCaption(const QString& caption) {
  m_demoPrompts->setPlaceholderText(caption.isEmpty()
                                        ? tr("one prompt per line (empty: no demos)")
                                        : tr("one prompt per line (empty: no demos), e.g. %1").arg(caption));
}

void TrainingForm::setLongestClip(double seconds) {
  m_autoDuration->setText(seconds > 0 ? tr("auto (longest clip: %1 s)").arg(seconds, 0, 'f', 1) : tr("auto"));
}

sa3::TrainingJob TrainingForm::job() const {
  sa3::TrainingJob job;
  job.audio_data_url = m_audioDataUrl;
  job.model = m_model->currentData().toString().toStdString();
  job.number_of_steps = m_steps->value();
  bool ok = false;
  const double lr = m_learningRate->text().trimmed().toDouble(&ok);
  job.learning_rate = ok ? lr : std::numeric_limits<double>::quiet_NaN();
  job.rank = m_rank->value();
  job.adapter_type = m_adapter->currentData().toString().toStdString();
  if (!m_autoDuration->isChecked()) {
    const double d = m_duration->text().trimmed().toDouble(&ok);
    job.duration = ok ? d : -1.0;
  }
  job.batch_size = m_batchSize->value();
  job.seed = m_seed->text().trimmed().toLongLong(&ok);
  if (!ok) job.seed = -1;
  job.base_precision = m_precision->currentText().toStdString();
  job.include = patterns(m_include);
  job.exclude = patterns(m_exclude);
  if (!m_checkpoint->text().trimmed().isEmpty()) job.lora_checkpoint_url = m_checkpoint->text().trimmed().toStdString();
  job.pre_encode = m_preEncode->isChecked();
  sa3::StudioOptions studio = m_studio.value_or(sa3::StudioOptions{});
  studio.trigger_word = m_triggerWord->text().trimmed().toStdString();
  studio.checkpoint_every = m_checkpointEvery->value();
  studio.demo_every = m_demoEvery->value();
  studio.demo_prompts.clear();
  const QStringList prompts = m_demoPrompts->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  for (const QString& prompt : prompts)
    if (!prompt.trimmed().isEmpty()) studio.demo_prompts.push_back(prompt.trimmed().toStdString());
  // A job that leaves every studio option at its default stays exactly fal's input.
  if (m_studio || studio != sa3::StudioOptions{}) job.studio = studio;
  return job;
}

void TrainingForm::setJob(const sa3::TrainingJob& job) {
  m_loading = true;
  m_audioDataUrl = job.audio_data_url;
  m_studio = job.studio;
  m_model->setCurrentIndex(std::max(0, m_model->findData(QString::fromStdString(job.model))));
  m_steps->setValue(job.number_of_steps);
  m_learningRate->setText(scientific(job.learning_rate));
  m_rank->setValue(job.rank);
  m_adapter->setCurrentIndex(std::max(0, m_adapter->findData(QString::fromStdString(job.adapter_type))));
  m_autoDuration->setChecked(!job.duration.has_value());
  m_duration->setText(job.duration ? QString::number(*job.duration) : QString());
  m_duration->setDisabled(!job.duration.has_value());
  m_batchSize->setValue(job.batch_size);
  m_seed->setText(QString::number(job.seed));
  m_precision->setCurrentIndex(std::max(0, m_precision->findText(QString::fromStdString(job.base_precision))));
  const QString include = joined(job.include);
  const int scope = m_scope->findData(include);
  m_scope->setCurrentIndex(scope >= 0 ? scope : m_scope->findData(QStringLiteral("custom")));
  m_include->setPlainText(include);
  m_exclude->setPlainText(joined(job.exclude));
  m_checkpoint->setText(job.lora_checkpoint_url ? QString::fromStdString(*job.lora_checkpoint_url) : QString());
  m_preEncode->setChecked(job.pre_encode);
  const sa3::StudioOptions studio = job.studio.value_or(sa3::StudioOptions{});
  m_triggerWord->setText(QString::fromStdString(studio.trigger_word));
  m_checkpointEvery->setValue(studio.checkpoint_every);
  m_demoEvery->setValue(studio.demo_every);
  QStringList prompts;
  for (const std::string& prompt : studio.demo_prompts) prompts << QString::fromStdString(prompt);
  m_demoPrompts->setPlainText(prompts.join(QLatin1Char('\n')));
  m_loading = false;
  validate();
  emit jobChanged();
}

void TrainingForm::validate() {
  m_problems = sa3::validate_job(job(), {.require_audio_data_url = false});
  for (QWidget* w : std::as_const(m_fields)) {
    w->setProperty(kInvalidProperty, false);
    w->setStyleSheet(QString());
  }
  QStringList messages;
  for (const sa3::JobProblem& p : m_problems) {
    const QString field = QString::fromStdString(p.field());
    // "include.2" marks the include list; "studio.demo_seeds.1" has no widget of its own.
    QWidget* w = m_fields.value(field);
    if (!w) w = m_fields.value(field.section(QLatin1Char('.'), 0, 0));
    if (w) {
      w->setProperty(kInvalidProperty, true);
      w->setStyleSheet(QStringLiteral("border: 1px solid #c0392b;"));
    }
    messages << QStringLiteral("%1: %2").arg(field, QString::fromStdString(p.msg).toHtmlEscaped());
  }
  m_problemsLabel->setText(messages.join(QStringLiteral("<br>")));
  m_problemsLabel->setVisible(!messages.isEmpty());
}

}  // namespace sa3::ui
