// SPDX-License-Identifier: GPL-3.0-or-later
// BulkEditDialog: a bulk caption edit over the selected clips: prefix/suffix (trigger word)
// and find/replace (plain or regex), with a live preview of every caption that changes.
// Nothing is applied here: on accept the page pushes changes() as one BulkEditCommand.
#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>

#include "ui/dataset/bulk_edit.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace sa3::ui {

class ClipTableModel;

class BulkEditDialog : public QDialog {
  Q_OBJECT
 public:
  BulkEditDialog(const ClipTableModel& model, QStringList clipIds, QWidget* parent = nullptr);

  BulkEdit edit() const;
  const QList<CaptionChange>& changes() const { return m_changes; }
  // Whether the user asked to remember the prefix as the dataset's trigger word.
  bool setsTriggerWord() const;

  QLineEdit* prefixField() const { return m_prefix; }
  QLineEdit* suffixField() const { return m_suffix; }
  QLineEdit* findField() const { return m_find; }
  QLineEdit* replaceField() const { return m_replace; }
  QCheckBox* regexBox() const { return m_regex; }
  QTableWidget* preview() const { return m_preview; }
  QPushButton* applyButton() const { return m_apply; }

 private:
  void updatePreview();

  const ClipTableModel& m_model;
  QStringList m_clipIds;
  QList<CaptionChange> m_changes;
  QLineEdit* m_prefix;
  QLineEdit* m_suffix;
  QCheckBox* m_skipPresent;
  QCheckBox* m_triggerWord;
  QLineEdit* m_find;
  QLineEdit* m_replace;
  QCheckBox* m_regex;
  QCheckBox* m_caseSensitive;
  QLabel* m_status;
  QTableWidget* m_preview;
  QPushButton* m_apply;
};

}  // namespace sa3::ui
