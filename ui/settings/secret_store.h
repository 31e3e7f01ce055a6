// SPDX-License-Identifier: GPL-3.0-or-later
// SecretStore: the fal key and the Hugging Face token, kept in the system keychain (QtKeychain).
//
// Lookup order (contracts.md, "Secrets"): the environment (FAL_KEY, HF_TOKEN), then the
// keychain. When no keychain service answers (headless machines, CI) the store keeps secrets in
// memory for this session only and says so through keychainUnavailable(); it never writes a
// secret to a plain file, QSettings or a log.
// Lifecycle/ownership: a QObject, usually owned by the main window; pending keychain jobs are
//   abandoned safely when it dies.
// Threading: GUI thread; results arrive as signals, never synchronously from read()/write().
#pragma once

#include <QMap>
#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace sa3::ui {

enum class Secret { FalKey, HuggingFaceToken };
// Where a value came from or went to.
enum class SecretSource { None, Environment, Keychain, Session };

class SecretStore : public QObject {
  Q_OBJECT
 public:
  explicit SecretStore(QObject* parent = nullptr);

  // Emits secretRead() once with the value (empty and None when there is none).
  void read(Secret which);
  // Stores the value; an empty value forgets it. Emits secretWritten() once.
  void write(Secret which, const QString& value);

  // True once the keychain failed this session: secrets then live in memory only.
  bool sessionOnly() const { return !m_keychainProblem.isEmpty(); }
  QString keychainProblem() const { return m_keychainProblem; }

  static QString environmentVariable(Secret which);
  // How long a keychain call may take before the store treats the service as absent.
  static constexpr int kKeychainTimeoutMs = 5000;

 signals:
  void secretRead(sa3::ui::Secret which, const QString& value, sa3::ui::SecretSource source);
  void secretWritten(sa3::ui::Secret which, sa3::ui::SecretSource where);
  void keychainUnavailable(const QString& reason);

 private:
  void runJob(QKeychain::Job* job, Secret which, bool reading, const QString& value);
  void finishJob(QKeychain::Job* job, Secret which, bool reading, const QString& value);
  void markUnavailable(const QString& reason);

  QMap<Secret, QString> m_session;
  QString m_keychainProblem;
};

}  // namespace sa3::ui
