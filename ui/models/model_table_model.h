// SPDX-License-Identifier: GPL-3.0-or-later
// ModelTableModel: the six official Stable Audio 3 ids as table rows (model, status, size,
// needed for, folder), filled from sa3::model_statuses; a row being downloaded or verified
// shows that work's progress in its status cell.
// Threading: GUI thread only; the statuses are computed elsewhere and handed in.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "sa3/hub.h"

namespace sa3::ui {

class ModelTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { ModelColumn, StatusColumn, SizeColumn, NeededForColumn, FolderColumn, ColumnCount };

  explicit ModelTableModel(QObject* parent = nullptr);

  void setStatuses(std::vector<sa3::ModelStatus> statuses);
  void setStatus(const sa3::ModelStatus& status);
  // Text shown instead of the state while work runs on the row ("downloading 42 %"); empty clears it.
  void setActivity(const QString& id, const QString& activity);

  int rowOf(const QString& id) const;
  QString idAt(int row) const;
  const sa3::ModelStatus* statusAt(int row) const;
  // The state's word as the table shows it ("present", "missing", ...).
  static QString stateText(sa3::ModelState state);
  static QString bytesText(std::uint64_t bytes);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  struct Row {
    sa3::ModelStatus status;
    bool known = false;  // false until the first status of this id arrives
    QString activity;
  };
  std::vector<Row> m_rows;
};

}  // namespace sa3::ui
