// SPDX-License-Identifier: GPL-3.0-or-later
// BulkEdit: what a bulk caption edit does to one caption, and the list of changes it makes
// over a selection. Pure functions, so the dialog's preview and the applied edit agree.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include "ui/dataset/caption_change.h"

namespace sa3::ui {

class ClipTableModel;

class BulkEdit {
  Q_DECLARE_TR_FUNCTIONS(BulkEdit)
 public:
  QString find;     // replaced first; empty = no find/replace
  QString replace;  // with a regex, \1.. refer to capture groups
  bool regex = false;
  bool caseSensitive = true;
  QString prefix;   // then prepended, e.g. a trigger word "zyx, "
  QString suffix;   // and appended
  bool skipPresent = true;  // don't add a prefix/suffix the caption already has

  // Empty when the edit can be applied; else why not (e.g. the regex's error and offset).
  QString problem() const;
  QString apply(const QString& caption) const;
  // The changes over `clipIds` (unchanged captions left out), in the order given.
  QList<CaptionChange> changes(const ClipTableModel& model, const QStringList& clipIds) const;
  // The prefix as a trigger word: trimmed of spaces and separating punctuation ("zyx, " → "zyx").
  QString triggerWord() const;
  // One line for the undo history, e.g. "Add prefix “zyx, ”".
  QString description() const;

 private:
  QRegularExpression pattern() const;
};

}  // namespace sa3::ui
