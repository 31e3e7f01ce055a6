// SPDX-License-Identifier: GPL-3.0-or-later
// BulkEditCommand: one bulk edit (prefix, suffix, find/replace) over many captions, as one
// undo step: a parent whose children are the SetCaptionCommands of each changed clip.
#pragma once

#include <QList>
#include <QUndoCommand>

#include "ui/dataset/caption_change.h"

namespace sa3::ui {

class ClipTableModel;

class BulkEditCommand : public QUndoCommand {
 public:
  BulkEditCommand(ClipTableModel* model, const QList<CaptionChange>& changes, const QString& description);
};

}  // namespace sa3::ui
