// SPDX-License-Identifier: GPL-3.0-or-later
// SetAcknowledgedCommand: hide/show lint issues, undoably.
#include "ui/undo/set_acknowledged_command.h"

#include <QCoreApplication>

#include "ui/dataset/clip_table_model.h"

namespace sa3::ui {

SetAcknowledgedCommand::SetAcknowledgedCommand(ClipTableModel* model, QStringList issueKeys, bool acknowledged)
    : m_model(model), m_issueKeys(std::move(issueKeys)), m_acknowledged(acknowledged) {
  const int n = static_cast<int>(m_issueKeys.size());
  setText(acknowledged ? QCoreApplication::translate("sa3::ui::SetAcknowledgedCommand", "Hide %n issue(s)", nullptr, n)
                       : QCoreApplication::translate("sa3::ui::SetAcknowledgedCommand", "Show %n hidden issue(s)", nullptr, n));
}

void SetAcknowledgedCommand::redo() { m_model->setAcknowledged(m_issueKeys, m_acknowledged); }

void SetAcknowledgedCommand::undo() { m_model->setAcknowledged(m_issueKeys, !m_acknowledged); }

}  // namespace sa3::ui
