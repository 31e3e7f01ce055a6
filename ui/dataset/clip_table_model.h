// SPDX-License-Identifier: GPL-3.0-or-later
// ClipTableModel: the open dataset as the page sees it: clips (headers, captions, QC), the side
// state (excluded clips, trigger word) and the lint issues, one row per clip in scan order.
//
// Ownership: holds plain sa3 values; the undo commands and the writer edit it through ids.
// Threading: GUI thread only. Lint re-runs shortly after an edit (coalesced), never per key.
// Signals: captionEdited / stateEdited fire only for user edits, so the writer saves exactly
//   those; a freshly loaded dataset emits neither.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QStringList>
#include <QTimer>
#include <vector>

#include "sa3/dataset.h"

namespace sa3::ui {

class ClipTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { StatusColumn, NameColumn, DurationColumn, FormatColumn, LoudnessColumn, CaptionColumn, ColumnCount };
  enum Role { SortRole = Qt::UserRole + 1, ClipIdRole };

  explicit ClipTableModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  void setDataset(sa3::DatasetScan scan, sa3::DatasetState state);
  void clear();
  bool hasDataset() const { return !m_root.empty(); }
  const std::filesystem::path& root() const { return m_root; }
  QString rootPath() const { return QString::fromStdString(m_root.string()); }

  const std::vector<sa3::Clip>& clips() const { return m_clips; }
  const sa3::Clip& clip(int row) const { return m_clips.at(static_cast<size_t>(row)); }
  int rowOfId(const QString& id) const { return m_rowOfId.value(id, -1); }
  QString idAt(int row) const { return QString::fromStdString(clip(row).id); }

  QString caption(const QString& id) const;
  void setCaption(const QString& id, const QString& text);
  void setQc(const QString& id, const sa3::ClipQc& qc);

  const sa3::DatasetState& state() const { return m_state; }
  bool isExcluded(const QString& id) const;
  void setExcluded(const QStringList& ids, bool excluded);
  void setTriggerWord(const QString& word);
  // Hides (or shows again) lint issues by Issue::key(); errors cannot be hidden.
  void setAcknowledged(const QStringList& issueKeys, bool acknowledged);

  const std::vector<sa3::Issue>& issues() const { return m_issues; }
  QList<const sa3::Issue*> issuesFor(const QString& id) const;
  const sa3::LintOptions& lintOptions() const { return m_lintOptions; }
  void setLintOptions(const sa3::LintOptions& options);
  // Runs lint now instead of after the coalescing delay (tests, and before export).
  void relintNow();

 signals:
  void captionEdited(const QString& id);
  void stateEdited();
  void issuesChanged();
  void qcChanged(const QString& id);

 private:
  QVariant displayData(const sa3::Clip& clip, int column) const;
  QVariant sortData(const sa3::Clip& clip, int column) const;
  QIcon statusIcon(const sa3::Clip& clip) const;
  QString statusTip(const sa3::Clip& clip) const;
  void emitRowChanged(int row);
  void scheduleLint();

  std::filesystem::path m_root;
  std::vector<sa3::Clip> m_clips;
  QHash<QString, int> m_rowOfId;
  sa3::DatasetState m_state;
  sa3::LintOptions m_lintOptions;
  std::vector<sa3::Issue> m_issues;
  QHash<QString, QList<int>> m_issuesOfClip;  // clip id → indices into m_issues
  QTimer m_lintTimer;
};

}  // namespace sa3::ui
