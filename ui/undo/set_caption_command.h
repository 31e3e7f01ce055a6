// SPDX-License-Identifier: GPL-3.0-or-later
// SetCaptionCommand: one caption changed from `before` to `after`. Consecutive commands of
// one typing session on one clip merge, so Ctrl+Z reverts a burst of typing, not one key.
// Ownership: borrows the model, which outlives the undo stack that owns the command.
#pragma once

#include <QUndoCommand>

namespace sa3::ui {

class ClipTableModel;

class SetCaptionCommand : public QUndoCommand {
 public:
  // `session` identifies one stretch of typing (the editor starts a new one per clip shown);
  // 0 never merges (bulk edits).
  SetCaptionCommand(ClipTableModel* model, QString clipId, QString before, QString after,
                    int session = 0, QUndoCommand* parent = nullptr);

  void redo() override;
  void undo() override;
  int id() const override;
  bool mergeWith(const QUndoCommand* other) override;

  const QString& clipId() const { return m_clipId; }

 private:
  ClipTableModel* m_model;
  QString m_clipId;
  QString m_before;
  QString m_after;
  int m_session;
};

}  // namespace sa3::ui
