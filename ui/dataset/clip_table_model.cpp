// SPDX-License-Identifier: GPL-3.0-or-later
// ClipTableModel: rows, roles, edits and lint bookkeeping.
#include "ui/dataset/clip_table_model.h"

#include <QBrush>
#include <QPalette>
#include <QApplication>

#include "ui/dataset/display_format.h"

namespace sa3::ui {
namespace {
constexpr int kLintDelayMs = 150;

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

int severityRank(sa3::Severity s) {
  switch (s) {
    case sa3::Severity::Info:
      return 1;
    case sa3::Severity::Warning:
      return 2;
    case sa3::Severity::Error:
      return 3;
  }
  return 0;
}
}  // namespace

ClipTableModel::ClipTableModel(QObject* parent) : QAbstractTableModel(parent) {
  m_lintTimer.setSingleShot(true);
  m_lintTimer.setInterval(kLintDelayMs);
  connect(&m_lintTimer, &QTimer::timeout, this, &ClipTableModel::relintNow);
}

int ClipTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_clips.size());
}

int ClipTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ClipTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case StatusColumn:
      return QString();
    case NameColumn:
      return tr("Clip");
    case DurationColumn:
      return tr("Duration");
    case FormatColumn:
      return tr("Rate / channels");
    case LoudnessColumn:
      return tr("Loudness");
    case CaptionColumn:
      return tr("Caption");
  }
  return {};
}

QVariant ClipTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const sa3::Clip& c = clip(index.row());
  switch (role) {
    case Qt::DisplayRole:
      return displayData(c, index.column());
    case SortRole:
      return sortData(c, index.column());
    case ClipIdRole:
      return fromStd(c.id);
    case Qt::DecorationRole:
      return index.column() == StatusColumn ? QVariant(statusIcon(c)) : QVariant();
    case Qt::ToolTipRole:
      if (index.column() == CaptionColumn) return fromStd(c.caption);
      return statusTip(c);
    case Qt::ForegroundRole:
      if (m_state.excluded.contains(c.id)) return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
      return {};
    case Qt::TextAlignmentRole:
      if (index.column() == DurationColumn || index.column() == LoudnessColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return {};
  }
  return {};
}

QVariant ClipTableModel::displayData(const sa3::Clip& c, int column) const {
  switch (column) {
    case NameColumn:
      return fromStd(c.id);
    case DurationColumn:
      return c.header_error.empty() ? DisplayFormat::duration(c.duration_s) : QStringLiteral("—");
    case FormatColumn:
      if (!c.header_error.empty()) return tr("unreadable");
      return tr("%1 · %2").arg(DisplayFormat::sampleRate(c.sample_rate), DisplayFormat::channels(c.channels));
    case LoudnessColumn:
      if (!c.qc) return tr("…");
      if (!c.qc->decode_error.empty()) return QStringLiteral("—");
      return DisplayFormat::loudness(c.qc->loudness_lufs);
    case CaptionColumn: {
      const QString caption = fromStd(c.caption);
      return caption.section(QLatin1Char('\n'), 0, 0);
    }
  }
  return {};
}

QVariant ClipTableModel::sortData(const sa3::Clip& c, int column) const {
  switch (column) {
    case StatusColumn: {
      int worst = 0;
      for (const sa3::Issue* issue : issuesFor(fromStd(c.id))) worst = std::max(worst, severityRank(issue->severity));
      return worst;
    }
    case DurationColumn:
      return c.duration_s;
    case FormatColumn:
      return c.sample_rate * 16 + c.channels;
    case LoudnessColumn:
      return c.qc ? c.qc->loudness_lufs : -1000.0;
    default:
      return displayData(c, column).toString().toLower();
  }
}

QIcon ClipTableModel::statusIcon(const sa3::Clip& c) const {
  static const QIcon ok(QStringLiteral(":/icons/status-ok.svg"));
  static const QIcon pending(QStringLiteral(":/icons/status-pending.svg"));
  static const QIcon info(QStringLiteral(":/icons/status-info.svg"));
  static const QIcon warning(QStringLiteral(":/icons/status-warning.svg"));
  static const QIcon error(QStringLiteral(":/icons/status-error.svg"));
  static const QIcon excluded(QStringLiteral(":/icons/status-excluded.svg"));
  if (m_state.excluded.contains(c.id)) return excluded;
  int worst = 0;
  for (const sa3::Issue* issue : issuesFor(fromStd(c.id)))
    if (!issue->acknowledged) worst = std::max(worst, severityRank(issue->severity));
  if (worst == 3) return error;
  if (worst == 2) return warning;
  if (worst == 1) return info;
  return c.qc ? ok : pending;
}

QString ClipTableModel::statusTip(const sa3::Clip& c) const {
  if (m_state.excluded.contains(c.id)) return tr("Excluded from training and export");
  QStringList lines;
  for (const sa3::Issue* issue : issuesFor(fromStd(c.id)))
    lines << QStringLiteral("%1: %2").arg(QString::fromLatin1(sa3::to_string(issue->severity)), fromStd(issue->message));
  if (lines.isEmpty()) return c.qc ? tr("No problems found") : tr("Analysing audio…");
  return lines.join(QLatin1Char('\n'));
}

void ClipTableModel::setDataset(sa3::DatasetScan scan, sa3::DatasetState state) {
  beginResetModel();
  m_root = std::move(scan.root);
  m_clips = std::move(scan.clips);
  m_state = std::move(state);
  m_rowOfId.clear();
  for (size_t i = 0; i < m_clips.size(); ++i) m_rowOfId.insert(fromStd(m_clips[i].id), static_cast<int>(i));
  endResetModel();
  relintNow();
}

void ClipTableModel::clear() { setDataset({}, {}); }

QString ClipTableModel::caption(const QString& id) const {
  const int row = rowOfId(id);
  return row < 0 ? QString() : fromStd(clip(row).caption);
}

void ClipTableModel::setCaption(const QString& id, const QString& text) {
  const int row = rowOfId(id);
  if (row < 0) return;
  sa3::Clip& c = m_clips[static_cast<size_t>(row)];
  std::string utf8 = text.toStdString();
  if (c.caption == utf8 && c.caption_utf8 && c.has_caption) return;
  c.caption = std::move(utf8);
  c.caption_utf8 = true;
  c.has_caption = true;
  emitRowChanged(row);
  emit captionEdited(id);
  scheduleLint();
}

void ClipTableModel::setQc(const QString& id, const sa3::ClipQc& qc) {
  const int row = rowOfId(id);
  if (row < 0) return;
  m_clips[static_cast<size_t>(row)].qc = qc;
  emitRowChanged(row);
  emit qcChanged(id);
  scheduleLint();
}

bool ClipTableModel::isExcluded(const QString& id) const { return m_state.excluded.contains(id.toStdString()); }

void ClipTableModel::setExcluded(const QStringList& ids, bool excluded) {
  bool changed = false;
  for (const QString& id : ids) {
    const int row = rowOfId(id);
    if (row < 0) continue;
    const std::string key = id.toStdString();
    changed |= excluded ? m_state.excluded.insert(key).second : m_state.excluded.erase(key) > 0;
    emitRowChanged(row);
  }
  if (!changed) return;
  emit stateEdited();
  scheduleLint();
}

void ClipTableModel::setTriggerWord(const QString& word) {
  const std::string utf8 = word.toStdString();
  if (m_state.trigger_word == utf8) return;
  m_state.trigger_word = utf8;
  emit stateEdited();
  scheduleLint();
}

void ClipTableModel::setAcknowledged(const QStringList& issueKeys, bool acknowledged) {
  bool changed = false;
  for (const QString& key : issueKeys) {
    const std::string k = key.toStdString();
    changed |= acknowledged ? m_state.acknowledged.insert(k).second : m_state.acknowledged.erase(k) > 0;
  }
  if (!changed) return;
  emit stateEdited();
  relintNow();
}

QList<const sa3::Issue*> ClipTableModel::issuesFor(const QString& id) const {
  QList<const sa3::Issue*> found;
  for (int i : m_issuesOfClip.value(id)) found.append(&m_issues[static_cast<size_t>(i)]);
  return found;
}

void ClipTableModel::setLintOptions(const sa3::LintOptions& options) {
  m_lintOptions = options;
  scheduleLint();
}

void ClipTableModel::relintNow() {
  m_lintTimer.stop();
  m_issues = hasDataset() ? sa3::lint(m_clips, m_state, m_lintOptions) : std::vector<sa3::Issue>{};
  m_issuesOfClip.clear();
  for (size_t i = 0; i < m_issues.size(); ++i)
    if (!m_issues[i].clip.empty()) m_issuesOfClip[fromStd(m_issues[i].clip)].append(static_cast<int>(i));
  if (!m_clips.empty())
    emit dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn), {Qt::DecorationRole, Qt::ToolTipRole, SortRole});
  emit issuesChanged();
}

void ClipTableModel::emitRowChanged(int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); }

void ClipTableModel::scheduleLint() { m_lintTimer.start(); }

}  // namespace sa3::ui
