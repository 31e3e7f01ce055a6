// SPDX-License-Identifier: GPL-3.0-or-later
// RunTableModel: rows of the Runs page.
#include "ui/runs/run_table_model.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QLocale>

namespace sa3::ui {

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunTableModel::setRuns(std::vector<sa3::RunSummary> runs) {
  beginResetModel();
  m_runs = std::move(runs);
  endResetModel();
}

int RunTableModel::rowOf(const QString& name) const {
  const std::string key = name.toStdString();
  for (std::size_t i = 0; i < m_runs.size(); ++i)
    if (m_runs[i].name == key) return static_cast<int>(i);
  return -1;
}

QString RunTableModel::durationText(double seconds) {
  const auto s = static_cast<qint64>(seconds + 0.5);
  if (s < 60) return tr("%1 s").arg(s);
  if (s < 3600) return tr("%1 min").arg(s / 60);
  return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString RunTableModel::statusText(const sa3::RunSummary& run) const {
  if (!run.problem.empty() && run.status.empty()) return tr("unreadable");
  static const QHash<QString, QString> words{
      {QStringLiteral("running"), tr("running")},   {QStringLiteral("paused"), tr("paused")},
      {QStringLiteral("stopped"), tr("stopped")},   {QStringLiteral("finished"), tr("finished")},
      {QStringLiteral("failed"), tr("failed")},     {QStringLiteral("interrupted"), tr("interrupted")}};
  const QString status = QString::fromStdString(run.status);
  return words.value(status, status);
}

int RunTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const sa3::RunSummary& r = m_runs[static_cast<std::size_t>(index.row())];
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case NameColumn: return QString::fromStdString(r.name);
      case StatusColumn: return statusText(r);
      case KindColumn: return r.kind == "remote" ? tr("remote (fal)") : tr("local");
      case ModelColumn: return QString::fromStdString(r.model);
      case AdapterColumn: return QString::fromStdString(r.adapter);
      case StepsColumn:
        return r.total_steps > 0 ? tr("%1 / %2").arg(r.step).arg(r.total_steps) : QString::number(r.step);
      case LossColumn: return r.final_loss ? QLocale().toString(*r.final_loss, 'f', 4) : QString();
      case DurationColumn: return r.duration_seconds > 0 ? durationText(r.duration_seconds) : QString();
      case StartedColumn: {
        const QDateTime t = QDateTime::fromString(QString::fromStdString(r.created_at), Qt::ISODateWithMs);
        return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
      }
      default: return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    QStringList lines{QString::fromStdString(r.folder.string())};
    if (r.interrupted)
      lines << tr("The run stopped without saying so (the studio or the machine quit): resume it from its newest "
                  "checkpoint.");
    if (!r.error.empty()) lines << QString::fromStdString(r.error);
    if (!r.problem.empty()) lines << QString::fromStdString(r.problem);
    return lines.join(QLatin1Char('\n'));
  }
  if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
    if (r.interrupted) return QBrush(QColor(0xc0, 0x70, 0x00));
    if (r.status == "failed" || !r.problem.empty()) return QBrush(QColor(0xc0, 0x30, 0x30));
    if (r.status == "finished") return QBrush(QColor(0x2e, 0x8b, 0x3e));
  }
  if (role == Qt::TextAlignmentRole &&
      (index.column() == StepsColumn || index.column() == LossColumn || index.column() == DurationColumn))
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn: return tr("Run");
    case StatusColumn: return tr("Status");
    case KindColumn: return tr("Where");
    case ModelColumn: return tr("Model");
    case AdapterColumn: return tr("Adapter");
    case StepsColumn: return tr("Steps");
    case LossColumn: return tr("Final loss");
    case DurationColumn: return tr("Duration");
    case StartedColumn: return tr("Started");
    default: return {};
  }
}

}  // namespace sa3::ui
