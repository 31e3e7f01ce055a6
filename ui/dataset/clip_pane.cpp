// SPDX-License-Identifier: GPL-3.0-or-later
// ClipPane: layout and refresh of the current clip's details.
#include "ui/dataset/clip_pane.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/dataset/caption_editor.h"
#include "ui/dataset/clip_player.h"
#include "ui/dataset/clip_table_model.h"
#include "ui/dataset/display_format.h"
#include "ui/dataset/waveform_view.h"

namespace sa3::ui {

ClipPane::ClipPane(ClipTableModel* model, QUndoStack* undoStack, ClipPlayer* player, QWidget* parent)
    : QWidget(parent),
      m_model(model),
      m_player(player),
      m_title(new QLabel(this)),
      m_facts(new QLabel(this)),
      m_waveform(new WaveformView(this)),
      m_play(new QToolButton(this)),
      m_editor(new CaptionEditor(model, undoStack, this)),
      m_tokens(new QLabel(this)),
      m_issues(new QLabel(this)) {
  QFont titleFont = m_title->font();
  titleFont.setBold(true);
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
  m_title->setFont(titleFont);
  m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_play->setIconSize(QSize(28, 28));
  m_play->setAutoRaise(true);
  m_play->setToolTip(tr("Play / stop (Space)"));
  m_tokens->setAlignment(Qt::AlignRight);
  m_issues->setWordWrap(true);
  // Captions stay under ~256 tokens; eight lines show one whole, the rest goes to the stats.
  m_editor->setMaximumHeight(m_editor->fontMetrics().lineSpacing() * 8 + 12);
  m_issues->setTextFormat(Qt::RichText);

  auto* header = new QHBoxLayout;
  header->addWidget(m_play);
  auto* titles = new QVBoxLayout;
  titles->addWidget(m_title);
  titles->addWidget(m_facts);
  header->addLayout(titles, 1);
  auto* captionLabel = new QLabel(tr("&Caption"), this);
  captionLabel->setBuddy(m_editor);
  auto* captionRow = new QHBoxLayout;
  captionRow->addWidget(captionLabel);
  captionRow->addStretch();
  captionRow->addWidget(m_tokens);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(header);
  layout->addWidget(m_waveform);
  layout->addLayout(captionRow);
  layout->addWidget(m_editor, 1);
  layout->addWidget(m_issues);
  layout->addStretch(0);

  connect(m_play, &QToolButton::clicked, m_player, &ClipPlayer::toggle);
  connect(m_player, &ClipPlayer::playingChanged, this, [this](bool playing) {
    m_play->setIcon(QIcon(playing ? QStringLiteral(":/icons/stop.svg") : QStringLiteral(":/icons/play.svg")));
  });
  connect(m_player, &ClipPlayer::positionChanged, m_waveform, &WaveformView::setPlayhead);
  connect(m_waveform, &WaveformView::seekRequested, this, [this](double fraction) {
    if (!m_player->isPlaying()) m_player->play();
    m_player->seek(fraction);
    m_waveform->setPlayhead(fraction);
  });
  connect(m_model, &ClipTableModel::qcChanged, this, [this](const QString& id) {
    if (id != m_clipId) return;
    refreshFacts();
    refreshWaveform();
  });
  connect(m_model, &ClipTableModel::issuesChanged, this, &ClipPane::refreshIssues);
  connect(m_model, &ClipTableModel::captionEdited, this, [this](const QString& id) {
    if (id == m_clipId) refreshFacts();
  });
  m_play->setIcon(QIcon(QStringLiteral(":/icons/play.svg")));
  showClip({});
}

void ClipPane::showClip(const QString& clipId) {
  const int row = m_model->rowOfId(clipId);
  m_clipId = row >= 0 ? clipId : QString();
  m_editor->showClip(m_clipId);
  m_player->setClip(row >= 0 ? QString::fromStdString(m_model->clip(row).audio_path.string()) : QString());
  m_play->setEnabled(row >= 0);
  refreshFacts();
  refreshWaveform();
  refreshIssues();
}

void ClipPane::refreshFacts() {
  const int row = m_model->rowOfId(m_clipId);
  if (row < 0) {
    m_title->setText(tr("No clip selected"));
    m_facts->clear();
    m_tokens->clear();
    return;
  }
  const sa3::Clip& c = m_model->clip(row);
  m_title->setText(QString::fromStdString(c.name));
  QStringList facts;
  if (c.header_error.empty()) {
    facts << DisplayFormat::duration(c.duration_s) << DisplayFormat::sampleRate(c.sample_rate)
          << DisplayFormat::channels(c.channels) << QString::fromStdString(c.format);
  }
  if (c.qc && c.qc->decode_error.empty()) {
    facts << DisplayFormat::loudness(c.qc->loudness_lufs) << tr("peak %1 dBFS").arg(c.qc->peak_dbfs, 0, 'f', 1);
    if (c.qc->clipped_samples > 0) facts << tr("%n clipped sample(s)", nullptr, int(c.qc->clipped_samples));
  }
  if (m_model->isExcluded(m_clipId)) facts << tr("excluded");
  m_facts->setText(facts.join(QStringLiteral(" · ")));
  const auto tokens = sa3::approximate_token_count(c.caption);
  const auto limit = m_model->lintOptions().max_caption_tokens;
  m_tokens->setText(tr("≈%1 / %2 tokens").arg(tokens).arg(limit));
}

void ClipPane::refreshWaveform() {
  const int row = m_model->rowOfId(m_clipId);
  if (row < 0) {
    m_waveform->setNote(tr("Select a clip to see its waveform."));
    return;
  }
  const sa3::Clip& c = m_model->clip(row);
  if (!c.header_error.empty())
    m_waveform->setNote(QString::fromStdString(c.header_error));
  else if (!c.qc)
    m_waveform->setNote(tr("Analysing…"));
  else if (!c.qc->decode_error.empty())
    m_waveform->setNote(QString::fromStdString(c.qc->decode_error));
  else
    m_waveform->setPeaks(c.qc->waveform_min, c.qc->waveform_max);
}

void ClipPane::refreshIssues() {
  QStringList lines;
  for (const sa3::Issue* issue : m_model->issuesFor(m_clipId)) {
    if (issue->acknowledged) continue;
    const QString icon = issue->severity == sa3::Severity::Error     ? QStringLiteral(":/icons/status-error.svg")
                         : issue->severity == sa3::Severity::Warning ? QStringLiteral(":/icons/status-warning.svg")
                                                                     : QStringLiteral(":/icons/status-info.svg");
    lines << QStringLiteral("<img src=\"%1\" width=\"14\" height=\"14\"> %2")
                 .arg(icon, QString::fromStdString(issue->message).toHtmlEscaped());
  }
  m_issues->setText(lines.join(QStringLiteral("<br>")));
  m_issues->setVisible(!lines.isEmpty());
}

}  // namespace sa3::ui
