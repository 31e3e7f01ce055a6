// SPDX-License-Identifier: GPL-3.0-or-later
// Training page, offscreen: bad values are flagged inline, presets round-trip through the
// settings, the copied job JSON parses back to the form's job, and remote training stays
// disabled without a fal key while its cost estimate follows the steps.
#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

#include "qt_test_app.h"
#include "test_support.h"
#include "ui/runs/runs_page.h"
#include "ui/settings/secret_store.h"
#include "ui/training/training_form.h"
#include "ui/training/training_page.h"
#include "ui/training/training_presets.h"

namespace sa3::ui {
namespace {

bool flagged(const TrainingForm& form, const char* field) {
  return form.fieldWidget(QString::fromLatin1(field))->property("sa3Invalid").toBool();
}

bool hasProblem(const TrainingForm& form, const std::string& field) {
  for (const sa3::JobProblem& p : form.problems())
    if (p.field() == field) return true;
  return false;
}

class TrainingPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    qunsetenv("FAL_KEY");
    savedBus_ = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sa3-test-bus");
  }
  void TearDown() override {
    qunsetenv("FAL_KEY");
    if (savedBus_.isEmpty())
      qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
      qputenv("DBUS_SESSION_BUS_ADDRESS", savedBus_);
  }
  QByteArray savedBus_;
};

TEST_F(TrainingPageTest, Defaults_AreFalsDefaultsAndValid) {
  TrainingForm form;
  const sa3::TrainingJob job = form.job();
  EXPECT_EQ(job, sa3::TrainingJob{});
  EXPECT_TRUE(form.problems().empty());
  EXPECT_EQ(static_cast<QLineEdit*>(form.fieldWidget(QStringLiteral("learning_rate")))->text(), QStringLiteral("1e-4"));
}

TEST_F(TrainingPageTest, DemoPrompts_BecomeStudioOptionsAndLoadBack) {
  TrainingForm form;
  static_cast<QPlainTextEdit*>(form.fieldWidget(QStringLiteral("studio.demo_prompts")))
      ->setPlainText(QStringLiteral("warm tape loop\n\n  dusty drums  \n"));
  static_cast<QSpinBox*>(form.fieldWidget(QStringLiteral("studio.demo_every")))->setValue(50);
  const sa3::TrainingJob job = form.job();
  ASSERT_TRUE(job.studio.has_value());
  EXPECT_EQ(job.studio->demo_prompts, (std::vector<std::string>{"warm tape loop", "dusty drums"}));
  EXPECT_EQ(job.studio->demo_every, 50);
  EXPECT_TRUE(form.problems().empty());

  TrainingForm loaded;
  loaded.setJob(job);
  EXPECT_EQ(loaded.job(), job);
  static_cast<QPlainTextEdit*>(loaded.fieldWidget(QStringLiteral("studio.demo_prompts")))->clear();
  static_cast<QSpinBox*>(loaded.fieldWidget(QStringLiteral("studio.demo_every")))->setValue(250);
  EXPECT_TRUE(loaded.job().studio.has_value()) << "a loaded studio section is kept";
}

TEST_F(TrainingPageTest, BadValues_AreFlaggedOnTheirFields) {
  TrainingForm form;
  static_cast<QSpinBox*>(form.fieldWidget(QStringLiteral("rank")))->setValue(0);
  static_cast<QLineEdit*>(form.fieldWidget(QStringLiteral("learning_rate")))->setText(QStringLiteral("1e-x"));
  EXPECT_TRUE(flagged(form, "rank"));
  EXPECT_TRUE(flagged(form, "learning_rate"));
  EXPECT_FALSE(flagged(form, "number_of_steps"));
  EXPECT_TRUE(hasProblem(form, "rank"));

  // An -xs adapter with a rank above 17 is refused; a rank of 8 is fine.
  static_cast<QLineEdit*>(form.fieldWidget(QStringLiteral("learning_rate")))->setText(QStringLiteral("2e-4"));
  auto* adapter = static_cast<QComboBox*>(form.fieldWidget(QStringLiteral("adapter_type")));
  adapter->setCurrentIndex(adapter->findData(QStringLiteral("lora-xs")));
  static_cast<QSpinBox*>(form.fieldWidget(QStringLiteral("rank")))->setValue(32);
  EXPECT_TRUE(flagged(form, "rank"));
  static_cast<QSpinBox*>(form.fieldWidget(QStringLiteral("rank")))->setValue(8);
  EXPECT_TRUE(form.problems().empty());
  EXPECT_DOUBLE_EQ(form.job().learning_rate, 2e-4);
}

TEST_F(TrainingPageTest, ScopePreset_CoreFillsIncludePatterns) {
  TrainingForm form;
  auto* scope = static_cast<QComboBox*>(form.fieldWidget(QStringLiteral("scope")));
  scope->setCurrentIndex(1);
  ASSERT_TRUE(form.job().include.has_value());
  EXPECT_EQ(*form.job().include, (std::vector<std::string>{"self_attn.", "cross_attn.", "ff.ff."}));
  scope->setCurrentIndex(0);
  EXPECT_FALSE(form.job().include.has_value());
}

TEST_F(TrainingPageTest, Preset_SaveLoadDelete_RoundTrips) {
  SecretStore secrets;
  TrainingPage page(&secrets);
  sa3::TrainingJob job;
  job.model = "small-music-base";
  job.number_of_steps = 2500;
  job.rank = 32;
  job.duration = 23.5;
  job.exclude = std::vector<std::string>{"layers.[0-3]."};
  page.form()->setJob(job);
  page.savePreset(QStringLiteral("loops r32"));
  EXPECT_TRUE(TrainingPresets::names().contains(QStringLiteral("loops r32")));

  page.form()->setJob(sa3::TrainingJob{});
  page.loadPreset(QStringLiteral("loops r32"));
  EXPECT_EQ(page.form()->job(), job);

  page.deletePreset(QStringLiteral("loops r32"));
  EXPECT_FALSE(TrainingPresets::names().contains(QStringLiteral("loops r32")));
  EXPECT_FALSE(TrainingPresets::load(QStringLiteral("loops r32")).ok());
}

TEST_F(TrainingPageTest, CopyJobJson_ParsesBackToTheFormsJobWithTheDataset) {
  SecretStore secrets;
  TrainingPage page(&secrets);
  page.setDataset(QStringLiteral("/music/loops"), 37.2);
  static_cast<QSpinBox*>(page.form()->fieldWidget(QStringLiteral("number_of_steps")))->setValue(1500);
  page.copyJobJson();
  const sa3::JobParse parsed = sa3::parse_job(QApplication::clipboard()->text().toStdString());
  ASSERT_TRUE(parsed.ok()) << sa3::describe_problems(parsed.problems);
  EXPECT_EQ(parsed.job.number_of_steps, 1500);
  EXPECT_EQ(parsed.job.audio_data_url, "/music/loops");
  page.copyCliCommand();
  EXPECT_TRUE(QApplication::clipboard()->text().contains(QStringLiteral("sa3 train --job job.json --dataset '/music/loops'")));
}

TEST_F(TrainingPageTest, RemoteWithoutFalKey_IsDisabledWithReason_CostFollowsSteps) {
  SecretStore secrets;
  TrainingPage page(&secrets);
  QTRY_VERIFY_WITH_TIMEOUT(secrets.sessionOnly(), SecretStore::kKeychainTimeoutMs + 3000);
  QTRY_VERIFY(!page.remoteButton()->isEnabled());

  qputenv("FAL_KEY", "key-from-env");
  secrets.read(Secret::FalKey);
  QTRY_VERIFY(page.remoteButton()->isEnabled());
  page.remoteButton()->setChecked(true);
  static_cast<QSpinBox*>(page.form()->fieldWidget(QStringLiteral("number_of_steps")))->setValue(2000);
  EXPECT_TRUE(page.estimateLabel()->text().contains(QStringLiteral("$6.00")));
  EXPECT_TRUE(page.cliCommand().contains(QStringLiteral("--remote")));
}

TEST_F(TrainingPageTest, LocalEstimate_UsesTheLastLocalRunsSpeedAndNamesMemory) {
  sa3::test::TempDir runs;
  const QString savedRuns = RunsPage::runsFolder();
  RunsPage::setRunsFolder(QString::fromStdString(runs.path().string()));
  // 10 steps in 100 s: 10 s/step.
  sa3::test::write_text(runs / "2026-11-20-run" / "run.json",
                        "{\"status\":\"finished\",\"kind\":\"local\",\"model\":\"small-music-base\","
                        "\"created_at\":\"2026-11-20T10:00:00.000Z\",\"updated_at\":\"2026-11-20T10:01:40.000Z\","
                        "\"step\":10,\"total_steps\":10}\n");
  SecretStore secrets;
  TrainingPage page(&secrets);
  auto* model = static_cast<QComboBox*>(page.form()->fieldWidget(QStringLiteral("model")));
  model->setCurrentIndex(model->findData(QStringLiteral("small-music-base")));
  static_cast<QSpinBox*>(page.form()->fieldWidget(QStringLiteral("number_of_steps")))->setValue(1000);
  const QString estimate = page.estimateLabel()->text();
  EXPECT_TRUE(estimate.contains(QStringLiteral("2 h 47 min"))) << estimate.toStdString();
  EXPECT_TRUE(estimate.contains(QStringLiteral("1.9 GiB"))) << estimate.toStdString();

  model->setCurrentIndex(model->findData(QStringLiteral("medium-base")));
  EXPECT_TRUE(page.estimateLabel()->text().contains(QStringLiteral("No local run of this model yet")));
  RunsPage::setRunsFolder(savedRuns);
}

}  // namespace
}  // namespace sa3::ui
