// SPDX-License-Identifier: GPL-3.0-or-later
// CaptionEditor: text edit ↔ undo commands ↔ model.
#include "ui/dataset/caption_editor.h"

#include <QKeyEvent>
#include <QUndoStack>

#include "ui/dataset/clip_table_model.h"
#include "ui/undo/set_caption_command.h"

namespace sa3::ui {
namespace {
int nextSession() {
  static int session = 0;
  return ++session;
}
}  // namespace

CaptionEditor::CaptionEditor(ClipTableModel* model, QUndoStack* undoStack, QWidget* parent)
    : QPlainTextEdit(parent), m_model(model), m_undoStack(undoStack) {
  setUndoRedoEnabled(false);
  setTabChangesFocus(true);
  setAcceptDrops(false);  // files dropped here open in the page, never paste their paths
  setAccessibleName(tr("Caption"));
  showClip({});
  connect(this, &QPlainTextEdit::textChanged, this, &CaptionEditor::commitText);
  connect(m_model, &ClipTableModel::captionEdited, this, &CaptionEditor::refreshFromModel);
  connect(m_undoStack, &QUndoStack::indexChanged, this, [this] { m_session = nextSession(); });
  connect(m_model, &ClipTableModel::modelReset, this, [this] { showClip({}); });
}

void CaptionEditor::showClip(const QString& clipId) {
  m_clipId = m_model->rowOfId(clipId) >= 0 ? clipId : QString();
  m_session = nextSession();
  m_updating = true;
  setPlainText(m_model->caption(m_clipId));
  m_updating = false;
  setReadOnly(m_clipId.isEmpty());
  setPlaceholderText(m_clipId.isEmpty() ? tr("Select a clip to edit its caption.")
                                        : tr("Describe the clip: instruments, genre, mood, tempo, key…"));
}

void CaptionEditor::commitText() {
  if (m_updating || m_clipId.isEmpty()) return;
  const QString before = m_model->caption(m_clipId);
  const QString after = toPlainText();
  if (before == after) return;
  const int session = m_session;
  m_undoStack->push(new SetCaptionCommand(m_model, m_clipId, before, after, session));
  // push() moved the stack's index, which starts a new session; typing continues this one.
  m_session = session;
}

void CaptionEditor::refreshFromModel(const QString& clipId) {
  if (clipId != m_clipId) return;
  const QString caption = m_model->caption(clipId);
  if (caption == toPlainText()) return;
  // Keep the cursor where it was, as far as the new text allows.
  const int position = std::min<int>(textCursor().position(), static_cast<int>(caption.size()));
  m_updating = true;
  setPlainText(caption);
  QTextCursor cursor = textCursor();
  cursor.setPosition(position);
  setTextCursor(cursor);
  m_updating = false;
}

bool CaptionEditor::event(QEvent* event) {
  if (event->type() == QEvent::ShortcutOverride) {
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
      // Not accepting the override lets the window's Undo/Redo actions take the key.
      event->ignore();
      return true;
    }
  }
  return QPlainTextEdit::event(event);
}

}  // namespace sa3::ui
