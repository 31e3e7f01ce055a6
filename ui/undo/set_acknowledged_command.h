// SPDX-License-Identifier: GPL-3.0-or-later
// SetAcknowledgedCommand: hides lint issues the user has judged harmless (or shows them again).
// Stored in the dataset's side state; the issues themselves are recomputed by lint.
#pragma once

#include <QStringList>
#include <QUndoCommand>

namespace sa3::ui {

class ClipTableModel;

class SetAcknowledgedCommand : public QUndoCommand {
 public:
  // `issueKeys` are Issue::key() values whose state actually changes.
  SetAcknowledgedCommand(ClipTableModel* model, QStringList issueKeys, bool acknowledged);

  void redo() override;
  void undo() override;

 private:
  ClipTableModel* m_model;
  QStringList m_issueKeys;
  bool m_acknowledged;
};

}  // namespace sa3::ui
