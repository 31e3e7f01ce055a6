// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests of the Models page, offscreen, against the fake Hugging Face hub of tests/core/hub
// (found through SA3_HF_ENDPOINT, as the studio finds huggingface.co): an empty models folder
// shows every id missing; a download runs in the background and its row ends present; a gated
// repo explains the licence and the token.
#include <gtest/gtest.h>

#include <QAction>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <cstdlib>

#include "fake_hub.h"
#include "qt_test_app.h"
#include "test_support.h"
#include "ui/models/model_table_model.h"
#include "ui/models/models_page.h"
#include "ui/settings/secret_store.h"
#include "ui/settings/studio_settings.h"

namespace sa3::ui {
namespace {

constexpr int kTimeoutMs = 30000;

class ModelsPageTest : public ::testing::Test {
 protected:
  ModelsPageTest() : hub_("stabilityai/stable-audio-3-small-sfx", sa3::test::tiny_model_repo()) {
    ::setenv("SA3_HF_ENDPOINT", hub_.endpoint().c_str(), 1);
    ::unsetenv("HF_TOKEN");
    StudioSettings::setModelsFolder(QString::fromStdString(dir_.path().string()));
  }
  ~ModelsPageTest() override { ::unsetenv("SA3_HF_ENDPOINT"); }

  // A page whose first status scan has arrived.
  std::unique_ptr<ModelsPage> makePage() {
    auto page = std::make_unique<ModelsPage>(&secrets_);
    QSignalSpy refreshed(page.get(), &ModelsPage::statusesRefreshed);
    EXPECT_TRUE(refreshed.wait(kTimeoutMs));
    return page;
  }

  QString cell(ModelsPage& page, const QString& id, int column) {
    return page.model()->index(page.model()->rowOf(id), column).data().toString();
  }

  sa3::test::TempDir dir_;
  sa3::test::FakeHub hub_;
  SecretStore secrets_;
};

TEST_F(ModelsPageTest, EmptyFolder_EverySixIdMissingWithItsJob) {
  auto page = makePage();
  ASSERT_EQ(page->model()->rowCount(), 6);
  for (int row = 0; row < 6; ++row)
    EXPECT_EQ(page->model()->index(row, ModelTableModel::StatusColumn).data().toString(), QStringLiteral("missing"));
  EXPECT_TRUE(cell(*page, QStringLiteral("medium-base"), ModelTableModel::NeededForColumn).startsWith(QStringLiteral("training")));
  EXPECT_TRUE(cell(*page, QStringLiteral("medium"), ModelTableModel::NeededForColumn).startsWith(QStringLiteral("audition")));
}

TEST_F(ModelsPageTest, Download_CompletesInBackground_RowShowsPresent) {
  auto page = makePage();
  page->selectModel(QStringLiteral("small-sfx"));
  ASSERT_TRUE(page->downloadAction()->isEnabled());
  EXPECT_FALSE(page->cancelAction()->isEnabled());
  QSignalSpy finished(page.get(), &ModelsPage::jobFinished);
  page->downloadAction()->trigger();
  EXPECT_TRUE(page->cancelAction()->isEnabled());
  ASSERT_TRUE(finished.wait(kTimeoutMs));
  EXPECT_EQ(finished.at(0).at(0).toString(), QStringLiteral("small-sfx"));
  EXPECT_TRUE(finished.at(0).at(1).toBool()) << page->message().toStdString();
  EXPECT_EQ(cell(*page, QStringLiteral("small-sfx"), ModelTableModel::StatusColumn), QStringLiteral("present"));
  EXPECT_FALSE(cell(*page, QStringLiteral("small-sfx"), ModelTableModel::SizeColumn).isEmpty());
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "small-sfx" / "model.safetensors"));
  EXPECT_FALSE(page->downloadAction()->isEnabled());
  EXPECT_TRUE(page->verifyAction()->isEnabled());

  // Verify hashes every file against the record written by the download.
  QSignalSpy verified(page.get(), &ModelsPage::jobFinished);
  page->verifyAction()->trigger();
  ASSERT_TRUE(verified.wait(kTimeoutMs));
  EXPECT_TRUE(verified.at(0).at(1).toBool());
  EXPECT_TRUE(page->message().contains(QStringLiteral("verified")));
}

TEST_F(ModelsPageTest, GatedRepoWithoutToken_ExplainsLicenceAndSettings) {
  hub_.require_token("hf_secret");
  auto page = makePage();
  QSignalSpy finished(page.get(), &ModelsPage::jobFinished);
  page->download(QStringLiteral("small-sfx"));
  ASSERT_TRUE(finished.wait(kTimeoutMs));
  EXPECT_FALSE(finished.at(0).at(1).toBool());
  EXPECT_TRUE(page->message().contains(QStringLiteral("401"))) << page->message().toStdString();
  EXPECT_TRUE(page->message().contains(QStringLiteral("Settings")));
  EXPECT_TRUE(page->message().contains(QStringLiteral("licence")));
  EXPECT_NE(cell(*page, QStringLiteral("small-sfx"), ModelTableModel::StatusColumn), QStringLiteral("present"));
}

}  // namespace
}  // namespace sa3::ui
