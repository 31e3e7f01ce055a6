// SPDX-License-Identifier: GPL-3.0-or-later
// ClipPane: everything about the current clip beside the table: its waveform with playhead,
// play/stop, facts (duration, rate, loudness, peak), caption editor and its lint messages.
// Ownership: borrows the model, undo stack and player; owns its child widgets.
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;
class QUndoStack;

namespace sa3::ui {

class CaptionEditor;
class ClipPlayer;
class ClipTableModel;
class WaveformView;

class ClipPane : public QWidget {
  Q_OBJECT
 public:
  ClipPane(ClipTableModel* model, QUndoStack* undoStack, ClipPlayer* player, QWidget* parent = nullptr);

  void showClip(const QString& clipId);
  QString clipId() const { return m_clipId; }
  CaptionEditor* editor() const { return m_editor; }
  WaveformView* waveform() const { return m_waveform; }

 private:
  void refreshFacts();
  void refreshWaveform();
  void refreshIssues();

  ClipTableModel* m_model;
  ClipPlayer* m_player;
  QString m_clipId;
  QLabel* m_title;
  QLabel* m_facts;
  WaveformView* m_waveform;
  QToolButton* m_play;
  CaptionEditor* m_editor;
  QLabel* m_tokens;
  QLabel* m_issues;
};

}  // namespace sa3::ui
