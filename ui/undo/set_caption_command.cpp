// SPDX-License-Identifier: GPL-3.0-or-later
// SetCaptionCommand: caption edit undo/redo and typing merge.
#include "ui/undo/set_caption_command.h"

#include <QCoreApplication>

#include "ui/dataset/clip_table_model.h"
#include "ui/undo/undo_ids.h"

namespace sa3::ui {

SetCaptionCommand::SetCaptionCommand(ClipTableModel* model, QString clipId, QString before, QString after,
                                     int session, QUndoCommand* parent)
    : QUndoCommand(parent),
      m_model(model),
      m_clipId(std::move(clipId)),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_session(session) {
  setText(QCoreApplication::translate("sa3::ui::SetCaptionCommand", "Edit caption of %1").arg(m_clipId));
}

void SetCaptionCommand::redo() { m_model->setCaption(m_clipId, m_after); }

void SetCaptionCommand::undo() { m_model->setCaption(m_clipId, m_before); }

int SetCaptionCommand::id() const { return m_session == 0 ? -1 : SetCaptionUndoId; }

bool SetCaptionCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = static_cast<const SetCaptionCommand*>(other);
  if (next->m_clipId != m_clipId || next->m_session != m_session) return false;
  m_after = next->m_after;
  // A burst of typing that ends where it began is no step at all.
  if (m_after == m_before) setObsolete(true);
  return true;
}

}  // namespace sa3::ui
