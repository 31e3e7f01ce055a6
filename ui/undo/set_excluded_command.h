// SPDX-License-Identifier: GPL-3.0-or-later
// SetExcludedCommand: excludes clips from (or includes them back into) training and export.
// Only the dataset's side state changes; audio and caption files are never touched.
#pragma once

#include <QStringList>
#include <QUndoCommand>

namespace sa3::ui {

class ClipTableModel;

class SetExcludedCommand : public QUndoCommand {
 public:
  // `clipIds` are the clips whose state actually changes (callers filter out the others).
  SetExcludedCommand(ClipTableModel* model, QStringList clipIds, bool excluded);

  void redo() override;
  void undo() override;

 private:
  ClipTableModel* m_model;
  QStringList m_clipIds;
  bool m_excluded;
};

}  // namespace sa3::ui
