// SPDX-License-Identifier: GPL-3.0-or-later
// BulkEdit: find/replace then prefix/suffix, applied the same way for preview and edit.
#include "ui/dataset/bulk_edit.h"

#include "ui/dataset/clip_table_model.h"

namespace sa3::ui {

QRegularExpression BulkEdit::pattern() const {
  return QRegularExpression(find, caseSensitive ? QRegularExpression::NoPatternOption
                                                  : QRegularExpression::CaseInsensitiveOption);
}

QString BulkEdit::problem() const {
  if (find.isEmpty() && prefix.isEmpty() && suffix.isEmpty()) return tr("Enter a prefix, a suffix or text to find.");
  if (regex && !find.isEmpty()) {
    const QRegularExpression re = pattern();
    if (!re.isValid())
      return tr("Invalid regular expression at position %1: %2").arg(re.patternErrorOffset()).arg(re.errorString());
  }
  return {};
}

QString BulkEdit::apply(const QString& caption) const {
  QString text = caption;
  if (!find.isEmpty() && regex)
    text.replace(pattern(), replace);
  else if (!find.isEmpty())
    text.replace(find, replace, caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive);
  // An empty caption gets the trigger word alone, not a dangling "zyx, ".
  if (!prefix.isEmpty() && text.trimmed().isEmpty())
    text = triggerWord().isEmpty() ? prefix : triggerWord();
  else if (!prefix.isEmpty() && !(skipPresent && text.startsWith(prefix)))
    text.prepend(prefix);
  if (!suffix.isEmpty() && !(skipPresent && text.endsWith(suffix))) text.append(suffix);
  return text;
}

QList<CaptionChange> BulkEdit::changes(const ClipTableModel& model, const QStringList& clipIds) const {
  QList<CaptionChange> result;
  if (!problem().isEmpty()) return result;
  for (const QString& id : clipIds) {
    const QString before = model.caption(id);
    QString after = apply(before);
    if (after != before) result.append({id, before, std::move(after)});
  }
  return result;
}

QString BulkEdit::triggerWord() const {
  QString word = prefix.trimmed();
  while (!word.isEmpty() && QStringLiteral(",;:.-|").contains(word.back())) word.chop(1);
  return word.trimmed();
}

QString BulkEdit::description() const {
  QStringList parts;
  if (!find.isEmpty()) parts << tr("Replace “%1” with “%2”").arg(find, replace);
  if (!prefix.isEmpty()) parts << tr("Add prefix “%1”").arg(prefix);
  if (!suffix.isEmpty()) parts << tr("Add suffix “%1”").arg(suffix);
  return parts.join(QStringLiteral("; "));
}

}  // namespace sa3::ui
