// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsDialog: form layout, secret loading and saving.
#include "ui/settings/settings_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "ui/settings/studio_settings.h"

namespace sa3::ui {

SettingsDialog::SettingsDialog(SecretStore* secrets, QWidget* parent)
    : QDialog(parent), m_secrets(secrets) {
  setWindowTitle(tr("Settings"));
  auto* form = new QFormLayout;

  m_modelsFolder = new QLineEdit(StudioSettings::modelsFolder(), this);
  m_modelsFolder->setPlaceholderText(StudioSettings::defaultModelsFolder());
  m_modelsFolder->setToolTip(tr("Folder with one subfolder per model id, in Hugging Face repo layout."));
  auto* browse = new QPushButton(tr("&Browse…"), this);
  connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseModelsFolder);
  auto* reset = new QPushButton(tr("&Default"), this);
  connect(reset, &QPushButton::clicked, this,
          [this] { m_modelsFolder->setText(StudioSettings::defaultModelsFolder()); });
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(m_modelsFolder, 1);
  folderRow->addWidget(browse);
  folderRow->addWidget(reset);
  auto* folderLabel = new QLabel(tr("&Models folder:"), this);
  folderLabel->setBuddy(m_modelsFolder);
  form->addRow(folderLabel, folderRow);

  form->addRow(tr("&fal API key:"), addSecretField(Secret::FalKey));
  form->addRow(tr("&Hugging Face token:"), addSecretField(Secret::HuggingFaceToken));
  m_keychainState = new QLabel(this);
  m_keychainState->setWordWrap(true);
  form->addRow(m_keychainState);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);

  connect(m_secrets, &SecretStore::secretRead, this, &SettingsDialog::showSecret);
  connect(m_secrets, &SecretStore::keychainUnavailable, this, &SettingsDialog::showKeychainState);
  showKeychainState();
  // Fixed start size: the word-wrapped keychain note makes sizeHint() too short before showing.
  resize(680, 280);
  m_secrets->read(Secret::FalKey);
  m_secrets->read(Secret::HuggingFaceToken);
}

QLineEdit* SettingsDialog::addSecretField(Secret which) {
  auto* field = new QLineEdit(this);
  field->setEchoMode(QLineEdit::PasswordEchoOnEdit);
  field->setPlaceholderText(tr("Loading…"));
  field->setEnabled(false);  // until the store answers, so a slow keychain can't be overwritten
  m_secretFields.insert(which, field);
  return field;
}

void SettingsDialog::showSecret(Secret which, const QString& value, SecretSource source) {
  QLineEdit* field = m_secretFields.value(which);
  m_loaded.insert(which, value);
  field->setText(value);
  if (source == SecretSource::Environment) {
    field->setEnabled(false);
    field->setToolTip(tr("Set by the environment variable %1; unset it to edit here.")
                          .arg(SecretStore::environmentVariable(which)));
    return;
  }
  field->setEnabled(true);
  field->setPlaceholderText(tr("Not set"));
}

void SettingsDialog::showKeychainState() {
  if (m_secrets->sessionOnly())
    m_keychainState->setText(tr("<b>No keychain service is running</b> (%1). Secrets are kept for this "
                                "session only and are never written to a file.")
                                 .arg(m_secrets->keychainProblem().toHtmlEscaped()));
  else
    m_keychainState->setText(tr("Secrets are stored in the system keychain."));
}

void SettingsDialog::browseModelsFolder() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Models folder"), m_modelsFolder->text());
  if (!folder.isEmpty()) m_modelsFolder->setText(folder);
}

void SettingsDialog::accept() {
  StudioSettings::setModelsFolder(m_modelsFolder->text().trimmed());
  for (auto it = m_secretFields.cbegin(); it != m_secretFields.cend(); ++it) {
    const QString value = it.value()->text().trimmed();
    if (it.value()->isEnabled() && value != m_loaded.value(it.key())) m_secrets->write(it.key(), value);
  }
  QDialog::accept();
}

}  // namespace sa3::ui
