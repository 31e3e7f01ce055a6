// SPDX-License-Identifier: GPL-3.0-or-later
// SecretStore: environment, then QtKeychain, with a session-only fallback.
#include "ui/settings/secret_store.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

#include "ui/logging_categories.h"

namespace sa3::ui {
namespace {
const QString kService = QStringLiteral("sa3studio");

QString keychainKey(Secret which) {
  return which == Secret::FalKey ? QStringLiteral("fal-key") : QStringLiteral("hf-token");
}

// Errors that mean "there is no usable keychain", as opposed to "nothing stored yet".
bool isBackendFailure(QKeychain::Error error) {
  return error != QKeychain::NoError && error != QKeychain::EntryNotFound;
}
}  // namespace

SecretStore::SecretStore(QObject* parent) : QObject(parent) {}

QString SecretStore::environmentVariable(Secret which) {
  return which == Secret::FalKey ? QStringLiteral("FAL_KEY") : QStringLiteral("HF_TOKEN");
}

void SecretStore::read(Secret which) {
  const QString fromEnvironment = qEnvironmentVariable(environmentVariable(which).toLatin1().constData());
  if (!fromEnvironment.isEmpty()) {
    QTimer::singleShot(0, this, [=, this] { emit secretRead(which, fromEnvironment, SecretSource::Environment); });
    return;
  }
  if (m_session.contains(which) || sessionOnly()) {
    const QString value = m_session.value(which);
    QTimer::singleShot(0, this, [=, this] {
      emit secretRead(which, value, value.isEmpty() ? SecretSource::None : SecretSource::Session);
    });
    return;
  }
  runJob(new QKeychain::ReadPasswordJob(kService), which, true, {});
}

void SecretStore::write(Secret which, const QString& value) {
  if (sessionOnly()) {
    if (value.isEmpty())
      m_session.remove(which);
    else
      m_session.insert(which, value);
    QTimer::singleShot(0, this, [=, this] {
      emit secretWritten(which, value.isEmpty() ? SecretSource::None : SecretSource::Session);
    });
    return;
  }
  if (value.isEmpty()) {
    runJob(new QKeychain::DeletePasswordJob(kService), which, false, value);
    return;
  }
  auto* job = new QKeychain::WritePasswordJob(kService);
  job->setTextData(value);
  runJob(job, which, false, value);
}

void SecretStore::runJob(QKeychain::Job* job, Secret which, bool reading, const QString& value) {
  job->setAutoDelete(true);
  // Never let QtKeychain fall back to its plaintext QSettings storage.
  job->setInsecureFallback(false);
  job->setKey(keychainKey(which));
  // A keychain service that never answers must not leave the caller waiting: the timer settles
  // the request first and the job's late answer is then ignored.
  auto* guard = new QTimer(this);
  guard->setSingleShot(true);
  QPointer<QKeychain::Job> watched(job);
  connect(guard, &QTimer::timeout, this, [=, this] {
    guard->deleteLater();
    if (watched) watched->disconnect(this);
    markUnavailable(tr("The keychain service did not answer within %1 seconds.").arg(kKeychainTimeoutMs / 1000));
    if (reading)
      emit secretRead(which, {}, SecretSource::None);
    else
      write(which, value);
  });
  connect(job, &QKeychain::Job::finished, this, [=, this](QKeychain::Job* done) {
    guard->stop();
    guard->deleteLater();
    finishJob(done, which, reading, value);
  });
  guard->start(kKeychainTimeoutMs);
  job->start();
}

void SecretStore::finishJob(QKeychain::Job* job, Secret which, bool reading, const QString& value) {
  const auto error = job->error();
  // Deleting an entry that was never stored is not a sign of a missing keychain.
  if (isBackendFailure(error) && error != QKeychain::CouldNotDeleteEntry) {
    markUnavailable(job->errorString());
    if (reading)
      emit secretRead(which, {}, SecretSource::None);
    else
      write(which, value);  // now session-only
    return;
  }
  if (reading) {
    const QString stored = static_cast<QKeychain::ReadPasswordJob*>(job)->textData();
    emit secretRead(which, stored, stored.isEmpty() ? SecretSource::None : SecretSource::Keychain);
    return;
  }
  emit secretWritten(which, value.isEmpty() ? SecretSource::None : SecretSource::Keychain);
}

void SecretStore::markUnavailable(const QString& reason) {
  if (sessionOnly()) return;
  m_keychainProblem = reason.isEmpty() ? tr("No keychain service is available.") : reason;
  qCWarning(lcSettings).noquote() << "keychain unavailable, keeping secrets for this session only:"
                                  << m_keychainProblem;
  emit keychainUnavailable(m_keychainProblem);
}

}  // namespace sa3::ui
