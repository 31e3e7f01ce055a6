// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigDiffView: key-by-key comparison of the selected runs' job.json.
#include "ui/runs/config_diff_view.h"

#include <QBrush>
#include <QColor>
#include <QHeaderView>
#include <set>

namespace sa3::ui {

ConfigDiffView::ConfigDiffView(QWidget* parent) : QTableWidget(parent) {
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  horizontalHeader()->setStretchLastSection(true);
  verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  rebuild();
}

void ConfigDiffView::setRuns(const QStringList& names, const std::vector<Settings>& settings) {
  m_names = names;
  m_settings = settings;
  rebuild();
}

void ConfigDiffView::setShowAll(bool all) {
  if (m_showAll == all) return;
  m_showAll = all;
  rebuild();
}

QStringList ConfigDiffView::shownKeys() const {
  QStringList keys;
  for (int row = 0; row < rowCount(); ++row) keys << verticalHeaderItem(row)->text();
  return keys;
}

void ConfigDiffView::rebuild() {
  clear();
  std::set<std::string> keys;
  for (const Settings& s : m_settings)
    for (const auto& [key, value] : s) keys.insert(key);
  static const QString kAbsent = QStringLiteral("—");
  struct Row {
    QString key;
    QStringList values;
    bool differs;
  };
  std::vector<Row> rows;
  for (const std::string& key : keys) {
    Row row{QString::fromStdString(key), {}, false};
    for (const Settings& s : m_settings) {
      const auto it = s.find(key);
      row.values << (it == s.end() ? kAbsent : QString::fromStdString(it->second));
    }
    row.differs = row.values.size() > 1 && row.values.count(row.values.constFirst()) != row.values.size();
    if (m_showAll || row.differs || m_settings.size() == 1) rows.push_back(std::move(row));
  }
  setColumnCount(static_cast<int>(m_names.size()));
  setHorizontalHeaderLabels(m_names);
  setRowCount(static_cast<int>(rows.size()));
  QStringList keyLabels;
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    keyLabels << rows[r].key;
    for (int c = 0; c < rows[r].values.size(); ++c) {
      auto* item = new QTableWidgetItem(rows[r].values[c]);
      item->setToolTip(rows[r].values[c]);
      if (rows[r].differs) item->setBackground(QBrush(QColor(0xff, 0xe0, 0x80, 0x70)));
      setItem(r, c, item);
    }
  }
  setVerticalHeaderLabels(keyLabels);
  resizeColumnsToContents();
}

}  // namespace sa3::ui
