// SPDX-License-Identifier: GPL-3.0-or-later
// The Training page in remote mode against the fake fal server, offscreen: the fal key comes
// from the SecretStore (no keychain here: session memory), the dataset folder is packed and
// uploaded, the view shows the queue position, fal's log lines and the parsed losses, and the
// run finishes with its outputs; Stop cancels the request on fal; closing the studio leaves
// the job running on fal and Runs → Resume follows it again.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <memory>
#include <nlohmann/json.hpp>

#include "fake_fal_server.h"
#include "qt_test_app.h"
#include "test_support.h"
#include "ui/runs/runs_page.h"
#include "ui/settings/secret_store.h"
#include "ui/training/live_loss_chart.h"
#include "ui/training/live_run_view.h"
#include "ui/training/remote_training_backend.h"
#include "ui/training/run_controller.h"
#include "ui/training/run_log_view.h"
#include "ui/training/run_status_panel.h"
#include "ui/training/training_form.h"
#include "ui/training/training_page.h"

namespace sa3::ui {
namespace {

namespace fs = std::filesystem;
using test::FakeFalServer;
constexpr int kTimeoutMs = 20000;

std::string runStatus(const fs::path& run) { return nlohmann::json::parse(test::read_text(run / "run.json"))["status"]; }

size_t cancelRequests(const FakeFalServer& server) {
  size_t n = 0;
  for (const auto& r : server.requests()) n += r.method == "PUT" && r.path.ends_with("/cancel");
  return n;
}

class RemoteTrainingPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    qunsetenv("FAL_KEY");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sa3-test-bus");
    // Polls far enough apart that each queue position reaches the view in its own batch.
    qputenv("SA3_FAL_POLL_INTERVAL_MS", "60");
    qputenv("SA3_FAL_RETRY_BASE_MS", "1");
    fs::create_directories(dir_ / "data");
    for (int i = 0; i < 4; ++i) {
      test::write_sine_wav(dir_ / "data" / ("clip" + std::to_string(i) + ".wav"), 1.5, 22050, 1, 220.0 * (i + 1));
      test::write_text(dir_ / "data" / ("clip" + std::to_string(i) + ".txt"), "a sine, number " + std::to_string(i));
    }
    RunsPage::setRunsFolder(QString::fromStdString((dir_ / "runs").string()));
  }
  void TearDown() override {
    for (const char* name : {"SA3_FAL_QUEUE_URL", "SA3_FAL_REST_URL", "SA3_FAL_POLL_INTERVAL_MS", "SA3_FAL_RETRY_BASE_MS"})
      qunsetenv(name);
  }

  void useServer(const FakeFalServer& server) {
    qputenv("SA3_FAL_QUEUE_URL", QByteArray::fromStdString(server.queue_base()));
    qputenv("SA3_FAL_REST_URL", QByteArray::fromStdString(server.rest_base()));
  }

  // A page as the studio builds it, remote runs only, the key entered in Settings.
  std::unique_ptr<TrainingPage> remotePage(SecretStore& secrets, const FakeFalServer& server) {
    QSignalSpy written(&secrets, &SecretStore::secretWritten);
    secrets.write(Secret::FalKey, QString::fromStdString(server.key()));
    EXPECT_TRUE(written.wait(kTimeoutMs));
    auto page = std::make_unique<TrainingPage>(&secrets);
    page->setBackendFactory([remote = makeRemoteTrainingBackends(&secrets)](TrainingTarget target) {
      return target == TrainingTarget::Remote ? remote() : nullptr;
    });
    page->setDataset(QString::fromStdString((dir_ / "data").string()), 1.5);
    auto* model = static_cast<QComboBox*>(page->form()->fieldWidget(QStringLiteral("model")));
    model->setCurrentIndex(model->findData(QStringLiteral("small-music-base")));
    static_cast<QSpinBox*>(page->form()->fieldWidget(QStringLiteral("number_of_steps")))->setValue(200);
    return page;
  }

  test::TempDir dir_;
};

TEST_F(RemoteTrainingPageTest, RemoteRun_ShowsQueueLogsAndLossesThenFinishes) {
  FakeFalServer server;
  useServer(server);
  SecretStore secrets;
  auto page = remotePage(secrets, server);
  QTRY_VERIFY_WITH_TIMEOUT(page->remoteButton()->isEnabled(), kTimeoutMs);
  page->remoteButton()->setChecked(true);
  ASSERT_TRUE(page->form()->problems().empty());

  // What the status line said after each batch of events reached the view.
  QStringList shown;
  QObject::connect(page->runController(), &RunController::eventsArrived, page.get(),
                   [&] { shown << page->liveView()->status()->stateLabel()->text(); });
  QSignalSpy started(page.get(), &TrainingPage::runStarted);
  QSignalSpy ended(page.get(), &TrainingPage::runEnded);
  page->startAction()->trigger();
  ASSERT_EQ(started.size(), 1);
  EXPECT_FALSE(page->pauseAction()->isEnabled());  // fal's queue cannot pause
  QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, kTimeoutMs);

  EXPECT_TRUE(shown.contains(QStringLiteral("<b>Queued on fal</b>: queue position 1"))) << shown.join(" | ").toStdString();
  EXPECT_EQ(page->liveView()->progress().state(), RunProgress::State::Finished);
  EXPECT_EQ(page->liveView()->progress().step(), 200);
  const QString log = page->liveView()->log()->toPlainText();
  EXPECT_TRUE(log.contains(QStringLiteral("Downloading dataset"))) << log.toStdString();
  EXPECT_TRUE(log.contains(QStringLiteral("step 100/200 loss="))) << log.toStdString();
  EXPECT_FALSE(log.contains(QString::fromStdString(server.key())));
  LiveLossChart* chart = page->liveView()->chart();
  chart->sync();
  ASSERT_EQ(chart->points().size(), 3);
  EXPECT_DOUBLE_EQ(chart->points().back().x(), 200);
  EXPECT_NEAR(chart->points().back().y(), 0.0025, 1e-9);
  EXPECT_EQ(page->liveView()->status()->lossLabel()->text(), QStringLiteral("0.0025"));

  const fs::path run = started.at(0).at(0).toString().toStdString();
  EXPECT_EQ(runStatus(run), "finished");
  EXPECT_TRUE(fs::exists(run / "lora.safetensors"));
  EXPECT_TRUE(fs::exists(run / "config.json"));
  EXPECT_EQ(server.job_count(), 1u);
}

TEST_F(RemoteTrainingPageTest, StopWhileQueued_CancelsOnFal) {
  FakeFalServer server({.queue_polls = 100000});
  useServer(server);
  SecretStore secrets;
  auto page = remotePage(secrets, server);
  QTRY_VERIFY_WITH_TIMEOUT(page->remoteButton()->isEnabled(), kTimeoutMs);
  page->remoteButton()->setChecked(true);
  QSignalSpy started(page.get(), &TrainingPage::runStarted);
  QSignalSpy ended(page.get(), &TrainingPage::runEnded);
  page->startAction()->trigger();
  ASSERT_EQ(started.size(), 1);
  QTRY_COMPARE_WITH_TIMEOUT(page->liveView()->progress().state(), RunProgress::State::Queued, kTimeoutMs);

  QSignalSpy messages(page.get(), &TrainingPage::statusMessage);
  page->stopAction()->trigger();
  EXPECT_EQ(page->liveView()->status()->stateLabel()->text(), QStringLiteral("<b>Stopping</b>: asking fal to cancel the request…"));
  QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, kTimeoutMs);
  EXPECT_EQ(page->liveView()->progress().state(), RunProgress::State::Stopped);
  EXPECT_EQ(page->liveView()->status()->stateLabel()->text(), QStringLiteral("<b>Stopped</b> at step 0: cancelled on fal."));
  EXPECT_TRUE(page->liveView()->log()->toPlainText().contains(QStringLiteral("Stopped at step 0: cancelled on fal")))
      << page->liveView()->log()->toPlainText().toStdString();
  ASSERT_FALSE(messages.isEmpty());
  EXPECT_EQ(messages.last().at(0).toString(), QStringLiteral("Training cancelled on fal at step 0"));
  EXPECT_EQ(server.last_job_status(), "COMPLETED");
  EXPECT_EQ(cancelRequests(server), 1u);
  const fs::path run = started.at(0).at(0).toString().toStdString();
  EXPECT_EQ(runStatus(run), "stopped");
  EXPECT_FALSE(fs::exists(run / "lora.safetensors"));
}

TEST_F(RemoteTrainingPageTest, StudioClosedWhileQueued_JobKeepsRunningAndResumeFollowsIt) {
  FakeFalServer server({.queue_polls = 100000});
  useServer(server);
  fs::path run;
  {
    SecretStore secrets;
    auto page = remotePage(secrets, server);
    QTRY_VERIFY_WITH_TIMEOUT(page->remoteButton()->isEnabled(), kTimeoutMs);
    page->remoteButton()->setChecked(true);
    QSignalSpy started(page.get(), &TrainingPage::runStarted);
    page->startAction()->trigger();
    ASSERT_EQ(started.size(), 1);
    run = started.at(0).at(0).toString().toStdString();
    QTRY_COMPARE_WITH_TIMEOUT(page->liveView()->progress().state(), RunProgress::State::Queued, kTimeoutMs);
  }
  EXPECT_EQ(cancelRequests(server), 0u);
  EXPECT_EQ(server.last_job_status(), "IN_QUEUE");
  EXPECT_EQ(runStatus(run), "running");

  SecretStore secrets;
  auto page = remotePage(secrets, server);
  QTRY_VERIFY_WITH_TIMEOUT(page->remoteButton()->isEnabled(), kTimeoutMs);
  QSignalSpy ended(page.get(), &TrainingPage::runEnded);
  ASSERT_TRUE(page->reattachRun(QString::fromStdString(run.string())));
  QTRY_VERIFY_WITH_TIMEOUT(page->liveView()->log()->toPlainText().contains(QStringLiteral("submitted to fal as request")),
                           kTimeoutMs);
  QTRY_COMPARE_WITH_TIMEOUT(page->liveView()->progress().state(), RunProgress::State::Queued, kTimeoutMs);
  page->stopAction()->trigger();
  QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, kTimeoutMs);
  EXPECT_EQ(server.job_count(), 1u);
  EXPECT_EQ(cancelRequests(server), 1u);
  EXPECT_EQ(runStatus(run), "stopped");
}

}  // namespace
}  // namespace sa3::ui
