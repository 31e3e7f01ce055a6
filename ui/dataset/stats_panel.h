// SPDX-License-Identifier: GPL-3.0-or-later
// StatsPanel: the dataset at a glance: clip count, total duration, duration histogram,
// sample-rate / channel / format mix, and the lint issues; activating an issue selects its clip.
// Ownership: borrows the model; refreshes (coalesced) whenever its issues or clips change.
#pragma once

#include <QStringList>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;

namespace sa3::ui {

class ClipTableModel;
class DurationHistogram;

class StatsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit StatsPanel(ClipTableModel* model, QWidget* parent = nullptr);

  void refresh();
  // Lints against `modelId`'s native length (medium 380 s, small 120 s) and remembers the choice.
  void setLintModel(const QString& modelId);
  QListWidget* issueList() const { return m_issues; }
  QComboBox* modelChooser() const { return m_modelChoice; }
  // Issue::key() of the selected issues that may be hidden (warnings and notes, not errors).
  QStringList selectedHideableIssues() const;

 signals:
  void clipActivated(const QString& clipId);

 private:
  ClipTableModel* m_model;
  QLabel* m_counts;
  QLabel* m_durations;
  QLabel* m_mix;
  QLabel* m_lintSummary;
  DurationHistogram* m_histogram;
  QListWidget* m_issues;
  QComboBox* m_modelChoice;
  QTimer m_refreshTimer;
};

}  // namespace sa3::ui
