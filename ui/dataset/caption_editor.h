// SPDX-License-Identifier: GPL-3.0-or-later
// CaptionEditor: edits the caption of one clip. Every change becomes a SetCaptionCommand on
// the page's undo stack (typing merges), and changes made elsewhere (undo, bulk edit) show up
// here. The widget's own undo is off so Ctrl+Z / Ctrl+Shift+Z always reach the stack.
// Ownership: borrows the model and the undo stack, which outlive it.
#pragma once

#include <QPlainTextEdit>

class QUndoStack;

namespace sa3::ui {

class ClipTableModel;

class CaptionEditor : public QPlainTextEdit {
  Q_OBJECT
 public:
  CaptionEditor(ClipTableModel* model, QUndoStack* undoStack, QWidget* parent = nullptr);

  // Shows the caption of `clipId`; an empty id shows nothing and disables editing.
  void showClip(const QString& clipId);
  QString clipId() const { return m_clipId; }

 protected:
  bool event(QEvent* event) override;

 private:
  void commitText();
  void refreshFromModel(const QString& clipId);

  ClipTableModel* m_model;
  QUndoStack* m_undoStack;
  QString m_clipId;
  int m_session = 0;  // typing session, for merging undo steps
  bool m_updating = false;
};

}  // namespace sa3::ui
