// SPDX-License-Identifier: GPL-3.0-or-later
// ModelTableModel: rows of the Models page.
#include "ui/models/model_table_model.h"

#include <QBrush>
#include <QColor>
#include <QDir>
#include <QLocale>

namespace sa3::ui {

ModelTableModel::ModelTableModel(QObject* parent) : QAbstractTableModel(parent) {
  // The catalog is fixed, so rows exist before the first status arrives.
  for (const sa3::ModelInfo& info : sa3::model_catalog()) {
    Row row;
    row.status.info = info;
    m_rows.push_back(std::move(row));
  }
}

void ModelTableModel::setStatuses(std::vector<sa3::ModelStatus> statuses) {
  for (sa3::ModelStatus& s : statuses) setStatus(s);
}

void ModelTableModel::setStatus(const sa3::ModelStatus& status) {
  const int row = rowOf(QString::fromStdString(status.info.id));
  if (row < 0) return;  // not an official id: the catalog is the table
  m_rows[row].status = status;
  m_rows[row].known = true;
  emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ModelTableModel::setActivity(const QString& id, const QString& activity) {
  const int row = rowOf(id);
  if (row < 0 || m_rows[row].activity == activity) return;
  m_rows[row].activity = activity;
  emit dataChanged(index(row, StatusColumn), index(row, StatusColumn));
}

int ModelTableModel::rowOf(const QString& id) const {
  const std::string key = id.toStdString();
  for (std::size_t i = 0; i < m_rows.size(); ++i)
    if (m_rows[i].status.info.id == key) return static_cast<int>(i);
  return -1;
}

QString ModelTableModel::idAt(int row) const {
  return row >= 0 && row < rowCount() ? QString::fromStdString(m_rows[row].status.info.id) : QString();
}

const sa3::ModelStatus* ModelTableModel::statusAt(int row) const {
  return row >= 0 && row < rowCount() && m_rows[row].known ? &m_rows[row].status : nullptr;
}

QString ModelTableModel::stateText(sa3::ModelState state) {
  switch (state) {
    case sa3::ModelState::Present: return tr("present");
    case sa3::ModelState::Missing: return tr("missing");
    case sa3::ModelState::Incomplete: return tr("incomplete");
    case sa3::ModelState::Corrupt: return tr("corrupt");
  }
  return {};
}

QString ModelTableModel::bytesText(std::uint64_t bytes) {
  return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeSIFormat);
}

int ModelTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ModelTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ModelTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const Row& row = m_rows[index.row()];
  const sa3::ModelStatus& s = row.status;
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case ModelColumn: return QString::fromStdString(s.info.id);
      case StatusColumn:
        if (!row.activity.isEmpty()) return row.activity;
        return row.known ? stateText(s.state) : tr("checking…");
      case SizeColumn:
        if (!row.known || s.size_bytes == 0) return QString();
        if (s.state != sa3::ModelState::Present && s.expected_bytes > 0)
          return tr("%1 of %2").arg(bytesText(s.size_bytes), bytesText(s.expected_bytes));
        return bytesText(s.size_bytes);
      case NeededForColumn:
        return s.info.purpose == sa3::ModelPurpose::Training
                   ? tr("training (LoRAs are auditioned on %1)").arg(QString::fromStdString(s.info.pairs_with))
                   : tr("audition (of LoRAs trained on %1)").arg(QString::fromStdString(s.info.pairs_with));
      case FolderColumn: return QDir::toNativeSeparators(QString::fromStdString(s.folder.string()));
      default: return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    QStringList lines{QString::fromStdString(s.info.repo)};
    for (const std::string& p : s.problems) lines << QString::fromStdString(p);
    if (s.layout == sa3::ModelLayout::ComfyUI) lines << tr("ComfyUI single-file layout");
    return lines.join(QLatin1Char('\n'));
  }
  if (role == Qt::ForegroundRole && index.column() == StatusColumn && row.known && row.activity.isEmpty()) {
    if (s.state == sa3::ModelState::Corrupt) return QBrush(QColor(0xc0, 0x30, 0x30));
    if (s.state == sa3::ModelState::Present) return QBrush(QColor(0x2e, 0x8b, 0x3e));
  }
  return {};
}

QVariant ModelTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case ModelColumn: return tr("Model");
    case StatusColumn: return tr("Status");
    case SizeColumn: return tr("Size");
    case NeededForColumn: return tr("Needed for");
    case FolderColumn: return tr("Folder");
    default: return {};
  }
}

}  // namespace sa3::ui
