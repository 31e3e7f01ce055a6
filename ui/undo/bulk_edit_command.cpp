// SPDX-License-Identifier: GPL-3.0-or-later
// BulkEditCommand: builds one child command per changed caption; QUndoCommand's default
// redo/undo run the children (undo in reverse order).
#include "ui/undo/bulk_edit_command.h"

#include <QCoreApplication>

#include "ui/undo/set_caption_command.h"

namespace sa3::ui {

BulkEditCommand::BulkEditCommand(ClipTableModel* model, const QList<CaptionChange>& changes,
                                 const QString& description) {
  const int count = static_cast<int>(changes.size());
  setText(QCoreApplication::translate("sa3::ui::BulkEditCommand", "%1 (%n caption(s))", nullptr, count).arg(description));
  for (const CaptionChange& change : changes)
    new SetCaptionCommand(model, change.clipId, change.before, change.after, 0, this);
}

}  // namespace sa3::ui
