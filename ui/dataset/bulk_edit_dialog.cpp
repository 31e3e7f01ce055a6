// SPDX-License-Identifier: GPL-3.0-or-later
// BulkEditDialog: form, live preview table, apply button state.
#include "ui/dataset/bulk_edit_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/dataset/clip_table_model.h"

namespace sa3::ui {

BulkEditDialog::BulkEditDialog(const ClipTableModel& model, QStringList clipIds, QWidget* parent)
    : QDialog(parent),
      m_model(model),
      m_clipIds(std::move(clipIds)),
      m_prefix(new QLineEdit(this)),
      m_suffix(new QLineEdit(this)),
      m_skipPresent(new QCheckBox(tr("&Skip captions that already have it"), this)),
      m_triggerWord(new QCheckBox(tr("Use the prefix as the dataset's &trigger word (lint checks every caption has it)"), this)),
      m_find(new QLineEdit(this)),
      m_replace(new QLineEdit(this)),
      m_regex(new QCheckBox(tr("Regular e&xpression"), this)),
      m_caseSensitive(new QCheckBox(tr("&Case sensitive"), this)),
      m_status(new QLabel(this)),
      m_preview(new QTableWidget(0, 3, this)) {
  setWindowTitle(tr("Bulk Edit Captions"));
  m_prefix->setPlaceholderText(tr("e.g. a trigger word: “zyxsynth, ”"));
  m_skipPresent->setChecked(true);
  m_caseSensitive->setChecked(true);
  m_replace->setPlaceholderText(tr("With a regular expression, \\1 inserts the first group"));

  auto* addBox = new QGroupBox(tr("Add"), this);
  auto* addForm = new QFormLayout(addBox);
  addForm->addRow(tr("&Prefix:"), m_prefix);
  addForm->addRow(tr("S&uffix:"), m_suffix);
  addForm->addRow(m_skipPresent);
  addForm->addRow(m_triggerWord);

  auto* replaceBox = new QGroupBox(tr("Find and replace (applied first)"), this);
  auto* replaceForm = new QFormLayout(replaceBox);
  replaceForm->addRow(tr("&Find:"), m_find);
  replaceForm->addRow(tr("&Replace with:"), m_replace);
  auto* options = new QHBoxLayout;
  options->addWidget(m_regex);
  options->addWidget(m_caseSensitive);
  options->addStretch();
  replaceForm->addRow(options);

  m_preview->setHorizontalHeaderLabels({tr("Clip"), tr("Before"), tr("After")});
  m_preview->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_preview->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  m_preview->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
  m_preview->verticalHeader()->hide();
  m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_preview->setWordWrap(true);
  m_preview->setAccessibleName(tr("Preview of the changes"));

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(addBox);
  layout->addWidget(replaceBox);
  layout->addWidget(m_status);
  layout->addWidget(m_preview, 1);
  layout->addWidget(buttons);
  resize(820, 620);

  for (QLineEdit* field : {m_prefix, m_suffix, m_find, m_replace})
    connect(field, &QLineEdit::textChanged, this, &BulkEditDialog::updatePreview);
  for (QCheckBox* box : {m_skipPresent, m_triggerWord, m_regex, m_caseSensitive})
    connect(box, &QCheckBox::toggled, this, &BulkEditDialog::updatePreview);
  connect(m_prefix, &QLineEdit::textChanged, this, [this](const QString& text) { m_triggerWord->setEnabled(!text.trimmed().isEmpty()); });
  m_triggerWord->setEnabled(false);
  updatePreview();
}

BulkEdit BulkEditDialog::edit() const {
  BulkEdit e;
  e.prefix = m_prefix->text();
  e.suffix = m_suffix->text();
  e.skipPresent = m_skipPresent->isChecked();
  e.find = m_find->text();
  e.replace = m_replace->text();
  e.regex = m_regex->isChecked();
  e.caseSensitive = m_caseSensitive->isChecked();
  return e;
}

bool BulkEditDialog::setsTriggerWord() const { return m_triggerWord->isEnabled() && m_triggerWord->isChecked(); }

void BulkEditDialog::updatePreview() {
  const BulkEdit e = edit();
  const QString problem = e.problem();
  m_changes = problem.isEmpty() ? e.changes(m_model, m_clipIds) : QList<CaptionChange>{};
  m_preview->setRowCount(static_cast<int>(m_changes.size()));
  for (int row = 0; row < m_changes.size(); ++row) {
    const CaptionChange& c = m_changes[row];
    m_preview->setItem(row, 0, new QTableWidgetItem(c.clipId));
    m_preview->setItem(row, 1, new QTableWidgetItem(c.before));
    m_preview->setItem(row, 2, new QTableWidgetItem(c.after));
  }
  const int selected = static_cast<int>(m_clipIds.size());
  m_status->setText(problem.isEmpty()
                        ? tr("%1 of %n selected caption(s) will change.", nullptr, selected).arg(m_changes.size())
                        : problem);
  m_apply->setEnabled(!m_changes.isEmpty() || (setsTriggerWord() && problem.isEmpty()));
}

}  // namespace sa3::ui
