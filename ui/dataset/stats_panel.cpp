// SPDX-License-Identifier: GPL-3.0-or-later
// StatsPanel: summary labels, histogram and the issue list.
#include "ui/dataset/stats_panel.h"

#include <QComboBox>
#include <QSignalBlocker>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include "ui/dataset/clip_table_model.h"
#include "ui/dataset/display_format.h"
#include "ui/dataset/duration_histogram.h"
#include "ui/settings/studio_settings.h"

namespace sa3::ui {
namespace {
constexpr int kClipIdRole = Qt::UserRole + 1;
constexpr int kHideableKeyRole = Qt::UserRole + 2;  // set on issues that may be hidden

QIcon severityIcon(sa3::Severity severity) {
  switch (severity) {
    case sa3::Severity::Error:
      return QIcon(QStringLiteral(":/icons/status-error.svg"));
    case sa3::Severity::Warning:
      return QIcon(QStringLiteral(":/icons/status-warning.svg"));
    case sa3::Severity::Info:
      break;
  }
  return QIcon(QStringLiteral(":/icons/status-info.svg"));
}

template <typename Map, typename Format>
QString mixText(const Map& counts, Format format) {
  QStringList parts;
  for (const auto& [key, n] : counts) parts << QStringLiteral("%1 ×%2").arg(format(key)).arg(n);
  return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
}
}  // namespace

StatsPanel::StatsPanel(ClipTableModel* model, QWidget* parent)
    : QWidget(parent),
      m_model(model),
      m_counts(new QLabel(this)),
      m_durations(new QLabel(this)),
      m_mix(new QLabel(this)),
      m_lintSummary(new QLabel(this)),
      m_histogram(new DurationHistogram(this)),
      m_issues(new QListWidget(this)),
      m_modelChoice(new QComboBox(this)) {
  m_modelChoice->addItem(tr("medium (380 s)"), QStringLiteral("medium-base"));
  m_modelChoice->addItem(tr("small-music (120 s)"), QStringLiteral("small-music-base"));
  m_modelChoice->addItem(tr("small-sfx (120 s)"), QStringLiteral("small-sfx-base"));
  m_modelChoice->setToolTip(tr("The model you will train: clips longer than its native length get cropped."));
  for (QLabel* label : {m_counts, m_durations, m_mix, m_lintSummary}) {
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  auto* form = new QFormLayout;
  form->addRow(tr("Clips:"), m_counts);
  form->addRow(tr("Duration:"), m_durations);
  form->addRow(tr("Audio:"), m_mix);
  form->addRow(tr("Lint:"), m_lintSummary);
  m_issues->setAccessibleName(tr("Lint issues"));
  m_issues->setWordWrap(true);
  m_issues->setToolTip(tr("Click an issue to select its clip; hide harmless warnings with Ctrl+H."));
  m_issues->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_issues->setContextMenuPolicy(Qt::ActionsContextMenu);
  auto* title = new QLabel(tr("Dataset"), this);
  QFont titleFont = title->font();
  titleFont.setBold(true);
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
  title->setFont(titleFont);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 6, 0, 0);
  auto* header = new QHBoxLayout;
  header->addWidget(title);
  header->addStretch();
  auto* modelLabel = new QLabel(tr("Check for &model:"), this);
  modelLabel->setBuddy(m_modelChoice);
  header->addWidget(modelLabel);
  header->addWidget(m_modelChoice);
  layout->addLayout(header);
  layout->addLayout(form);
  layout->addWidget(m_histogram);
  layout->addWidget(m_issues, 1);

  m_refreshTimer.setSingleShot(true);
  m_refreshTimer.setInterval(100);
  connect(&m_refreshTimer, &QTimer::timeout, this, &StatsPanel::refresh);
  connect(m_model, &ClipTableModel::issuesChanged, &m_refreshTimer, qOverload<>(&QTimer::start));
  connect(m_modelChoice, &QComboBox::currentIndexChanged, this,
          [this] { setLintModel(m_modelChoice->currentData().toString()); });
  setLintModel(StudioSettings::lintModel());
  connect(m_issues, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    const QString id = item->data(kClipIdRole).toString();
    if (!id.isEmpty()) emit clipActivated(id);
  });
  connect(m_issues, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    const QString id = item->data(kClipIdRole).toString();
    if (!id.isEmpty()) emit clipActivated(id);
  });
  refresh();
}

void StatsPanel::setLintModel(const QString& modelId) {
  const sa3::Result<double> length = sa3::model_native_length_s(modelId.toStdString());
  if (!length) return;  // an id from an older settings file: keep the current choice
  {
    const QSignalBlocker quiet(m_modelChoice);
    m_modelChoice->setCurrentIndex(m_modelChoice->findData(modelId));
  }
  StudioSettings::setLintModel(modelId);
  sa3::LintOptions options = m_model->lintOptions();
  options.native_length_s = *length;
  m_model->setLintOptions(options);
}

void StatsPanel::refresh() {
  m_refreshTimer.stop();
  const sa3::DatasetSummary s = sa3::summarise(m_model->clips(), m_model->state());
  m_counts->setText(s.excluded_count > 0 ? tr("%n clip(s), %1 excluded", nullptr, int(s.clip_count)).arg(s.excluded_count)
                                         : tr("%n clip(s)", nullptr, int(s.clip_count)));
  m_durations->setText(s.clip_count == 0 ? QStringLiteral("—")
                                         : tr("%1 in total, %2 to %3")
                                               .arg(DisplayFormat::duration(s.total_duration_s),
                                                    DisplayFormat::duration(s.min_duration_s),
                                                    DisplayFormat::duration(s.max_duration_s)));
  if (s.clip_count == 0)
    m_mix->setText(QStringLiteral("—"));
  else
    m_mix->setText(QStringLiteral("%1<br>%2<br>%3")
                       .arg(mixText(s.sample_rates, [](int hz) { return DisplayFormat::sampleRate(hz); }),
                            mixText(s.channel_counts, [](int ch) { return DisplayFormat::channels(ch); }),
                            mixText(s.formats, [](const std::string& f) { return QString::fromStdString(f); })));
  m_histogram->setBins(s.duration_histogram, m_model->lintOptions().native_length_s);

  int counts[3] = {0, 0, 0};
  int hidden = 0;
  m_issues->clear();
  for (const sa3::Issue& issue : m_model->issues()) {
    if (issue.acknowledged) {
      ++hidden;
      continue;
    }
    ++counts[static_cast<int>(issue.severity)];
    auto* item = new QListWidgetItem(severityIcon(issue.severity), QString::fromStdString(issue.message), m_issues);
    item->setData(kClipIdRole, QString::fromStdString(issue.clip));
    if (issue.severity != sa3::Severity::Error) item->setData(kHideableKeyRole, QString::fromStdString(issue.key()));
  }
  // An empty list would be a blank box under "No problems found"; the summary says it all.
  m_issues->setVisible(m_issues->count() > 0);
  const int errors = counts[static_cast<int>(sa3::Severity::Error)];
  const int warnings = counts[static_cast<int>(sa3::Severity::Warning)];
  const int infos = counts[static_cast<int>(sa3::Severity::Info)];
  QString summary;
  if (errors + warnings + infos == 0)
    summary = m_model->hasDataset() ? tr("No problems found") : QStringLiteral("—");
  else
    summary = tr("%1, %2, %3")
                  .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings),
                       tr("%n note(s)", nullptr, infos));
  if (hidden > 0) summary += tr(" (%n hidden)", nullptr, hidden);
  m_lintSummary->setText(summary);
}

QStringList StatsPanel::selectedHideableIssues() const {
  QStringList keys;
  const QList<QListWidgetItem*> items = m_issues->selectedItems();
  for (const QListWidgetItem* item : items)
    if (const QString key = item->data(kHideableKeyRole).toString(); !key.isEmpty()) keys << key;
  return keys;
}

}  // namespace sa3::ui
