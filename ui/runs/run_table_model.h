// SPDX-License-Identifier: GPL-3.0-or-later
// RunTableModel: one row per training run (sa3::RunSummary): status, kind, model, adapter,
// steps, final loss, duration and start time. Interrupted runs are highlighted.
// Threading: GUI thread only; summaries are read elsewhere and handed in.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "sa3/runs.h"

namespace sa3::ui {

class RunTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    NameColumn,
    StatusColumn,
    KindColumn,
    ModelColumn,
    AdapterColumn,
    StepsColumn,
    LossColumn,
    DurationColumn,
    StartedColumn,
    ColumnCount
  };

  explicit RunTableModel(QObject* parent = nullptr);

  void setRuns(std::vector<sa3::RunSummary> runs);
  const sa3::RunSummary& run(int row) const { return m_runs.at(static_cast<std::size_t>(row)); }
  int rowOf(const QString& name) const;
  static QString durationText(double seconds);  // "42 s", "12 min", "3 h 05 min"

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  QString statusText(const sa3::RunSummary& run) const;
  std::vector<sa3::RunSummary> m_runs;
};

}  // namespace sa3::ui
