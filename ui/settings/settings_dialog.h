// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsDialog: the models folder (QSettings) and the fal key / Hugging Face token
// (SecretStore). Says plainly when secrets can only be kept for this session.
// Ownership: borrows the SecretStore, which must outlive the dialog.
#pragma once

#include <QDialog>
#include <QMap>

#include "ui/settings/secret_store.h"

class QLabel;
class QLineEdit;

namespace sa3::ui {

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  SettingsDialog(SecretStore* secrets, QWidget* parent = nullptr);

  void accept() override;

 private:
  QLineEdit* addSecretField(Secret which);
  void showSecret(Secret which, const QString& value, SecretSource source);
  void showKeychainState();
  void browseModelsFolder();

  SecretStore* m_secrets;
  QLineEdit* m_modelsFolder = nullptr;
  QMap<Secret, QLineEdit*> m_secretFields;
  QMap<Secret, QString> m_loaded;  // what the store had, to write back only real changes
  QLabel* m_keychainState = nullptr;
};

}  // namespace sa3::ui
