// SPDX-License-Identifier: GPL-3.0-or-later
// SetExcludedCommand: exclude/include undo and redo.
#include "ui/undo/set_excluded_command.h"

#include <QCoreApplication>

#include "ui/dataset/clip_table_model.h"

namespace sa3::ui {

SetExcludedCommand::SetExcludedCommand(ClipTableModel* model, QStringList clipIds, bool excluded)
    : m_model(model), m_clipIds(std::move(clipIds)), m_excluded(excluded) {
  const int n = static_cast<int>(m_clipIds.size());
  setText(excluded ? QCoreApplication::translate("sa3::ui::SetExcludedCommand", "Exclude %n clip(s)", nullptr, n)
                   : QCoreApplication::translate("sa3::ui::SetExcludedCommand", "Include %n clip(s)", nullptr, n));
}

void SetExcludedCommand::redo() { m_model->setExcluded(m_clipIds, m_excluded); }

void SetExcludedCommand::undo() { m_model->setExcluded(m_clipIds, !m_excluded); }

}  // namespace sa3::ui
