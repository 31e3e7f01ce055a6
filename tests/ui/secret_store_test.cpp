// SPDX-License-Identifier: GPL-3.0-or-later
// SecretStore without a keychain service (as on CI): secrets fall back to session memory,
// the store says so, and nothing reaches QSettings; the environment wins over everything.
#include <gtest/gtest.h>

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include "qt_test_app.h"
#include "ui/settings/secret_store.h"

namespace sa3::ui {
namespace {

// No D-Bus session means no Secret Service and no KWallet: the situation of a headless box.
class SecretStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    savedBus_ = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sa3-test-bus");
    qunsetenv("FAL_KEY");
    qunsetenv("HF_TOKEN");
  }
  void TearDown() override {
    if (savedBus_.isEmpty())
      qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
      qputenv("DBUS_SESSION_BUS_ADDRESS", savedBus_);
    qunsetenv("FAL_KEY");
  }
  QByteArray savedBus_;
};

TEST_F(SecretStoreTest, NoKeychainService_WriteKeepsSecretForSessionOnly_AndSaysSo) {
  SecretStore store;
  QSignalSpy unavailable(&store, &SecretStore::keychainUnavailable);
  QSignalSpy written(&store, &SecretStore::secretWritten);
  store.write(Secret::FalKey, QStringLiteral("fal-secret-123"));
  QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, SecretStore::kKeychainTimeoutMs + 3000);
  EXPECT_EQ(written.at(0).at(1).value<SecretSource>(), SecretSource::Session);
  EXPECT_TRUE(store.sessionOnly());
  EXPECT_EQ(unavailable.count(), 1);
  EXPECT_FALSE(store.keychainProblem().isEmpty());

  QSignalSpy read(&store, &SecretStore::secretRead);
  store.read(Secret::FalKey);
  QTRY_COMPARE(read.count(), 1);
  EXPECT_EQ(read.at(0).at(1).toString(), QStringLiteral("fal-secret-123"));
  EXPECT_EQ(read.at(0).at(2).value<SecretSource>(), SecretSource::Session);

  // Never a plain file: the settings file holds no trace of the secret.
  QSettings settings;
  settings.sync();
  QFile file(settings.fileName());
  if (file.open(QIODevice::ReadOnly)) {
    EXPECT_FALSE(file.readAll().contains("fal-secret-123"));
  }
  for (const QString& key : settings.allKeys())
    EXPECT_NE(settings.value(key).toString(), QStringLiteral("fal-secret-123")) << key.toStdString();
}

TEST_F(SecretStoreTest, EnvironmentVariable_WinsOverStoredValue) {
  SecretStore store;
  QSignalSpy written(&store, &SecretStore::secretWritten);
  store.write(Secret::FalKey, QStringLiteral("stored"));
  QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, SecretStore::kKeychainTimeoutMs + 3000);
  qputenv("FAL_KEY", "from-environment");
  QSignalSpy read(&store, &SecretStore::secretRead);
  store.read(Secret::FalKey);
  QTRY_COMPARE(read.count(), 1);
  EXPECT_EQ(read.at(0).at(1).toString(), QStringLiteral("from-environment"));
  EXPECT_EQ(read.at(0).at(2).value<SecretSource>(), SecretSource::Environment);
}

TEST_F(SecretStoreTest, EmptyValue_ForgetsSessionSecret) {
  SecretStore store;
  QSignalSpy written(&store, &SecretStore::secretWritten);
  store.write(Secret::HuggingFaceToken, QStringLiteral("hf_abc"));
  QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, SecretStore::kKeychainTimeoutMs + 3000);
  store.write(Secret::HuggingFaceToken, QString());
  QTRY_COMPARE(written.count(), 2);
  QSignalSpy read(&store, &SecretStore::secretRead);
  store.read(Secret::HuggingFaceToken);
  QTRY_COMPARE(read.count(), 1);
  EXPECT_TRUE(read.at(0).at(1).toString().isEmpty());
  EXPECT_EQ(read.at(0).at(2).value<SecretSource>(), SecretSource::None);
}

}  // namespace
}  // namespace sa3::ui
