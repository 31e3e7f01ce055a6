// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests of the Runs page, offscreen, on run folders the test writes (job.json, run.json,
// progress.jsonl as spec/contracts.md describes them): runs are listed with their status,
// selected runs overlay their loss curves and diff their settings, and a run whose run.json says
// running while nobody holds run.lock is shown as interrupted and offers Resume; a damaged run.json
// leaves its run listed as unreadable.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <QAction>
#include <QChart>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>
#include <string>

#include "qt_test_app.h"
#include "test_support.h"
#include "ui/runs/config_diff_view.h"
#include "ui/runs/loss_overlay_chart.h"
#include "ui/runs/run_table_model.h"
#include "ui/runs/runs_page.h"

namespace sa3::ui {
namespace {

namespace fs = std::filesystem;
using sa3::test::write_text;

constexpr int kTimeoutMs = 20000;

// A run folder as the trainer leaves it: `steps` step events with a falling loss.
void writeRun(const fs::path& dir, const std::string& status, const std::string& kind, double learningRate,
              int steps, const std::string& created) {
  fs::create_directories(dir);
  write_text(dir / "job.json", "{\"model\":\"small-music-base\",\"adapter_type\":\"lora\",\"number_of_steps\":" +
                                   std::to_string(steps) + ",\"learning_rate\":" + std::to_string(learningRate) +
                                   ",\"rank\":16,\"studio\":{\"checkpoint_every\":250}}\n");
  write_text(dir / "run.json", "{\"status\":\"" + status + "\",\"kind\":\"" + kind +
                                   "\",\"model\":\"small-music-base\",\"created_at\":\"" + created +
                                   "T10:00:00.000Z\",\"updated_at\":\"" + created + "T10:20:00.000Z\",\"step\":" +
                                   std::to_string(steps) + ",\"total_steps\":" + std::to_string(steps) +
                                   ",\"final_loss\":null,\"error\":null}\n");
  std::string events = "{\"event\":\"start\",\"step\":0,\"total_steps\":" + std::to_string(steps) +
                       ",\"time\":\"" + created + "T10:00:00.000Z\"}\n";
  for (int k = 1; k <= steps; ++k)
    events += "{\"event\":\"step\",\"step\":" + std::to_string(k) + ",\"loss\":" + std::to_string(1.0 / k) +
              ",\"time\":\"" + created + "T10:00:01.000Z\"}\n";
  events += "{\"event\":\"checkpoint\",\"step\":" + std::to_string(steps) + ",\"path\":\"checkpoints/step-" +
            std::to_string(steps) + "\"}\n";
  write_text(dir / "progress.jsonl", events);
  write_text(dir / "run.lock", "");
}

class RunsPageTest : public ::testing::Test {
 protected:
  RunsPageTest() {
    RunsPage::setRunsFolder(QString::fromStdString(dir_.path().string()));
    writeRun(dir_ / "2026-11-20-finished", "finished", "local", 1e-4, 40, "2026-11-20");
    writeRun(dir_ / "2026-11-21-remote", "finished", "remote", 3e-4, 25, "2026-11-21");
    writeRun(dir_ / "2026-11-22-crashed", "running", "local", 1e-4, 10, "2026-11-22");
    writeRun(dir_ / "2026-11-23-live", "running", "local", 1e-4, 5, "2026-11-23");
  }
  ~RunsPageTest() override {
    if (lockFd_ >= 0) ::close(lockFd_);
  }

  // Holds run.lock the way a live trainer does.
  void holdLock(const fs::path& run) {
    lockFd_ = ::open((run / "run.lock").c_str(), O_RDWR);
    ASSERT_GE(lockFd_, 0);
    ASSERT_EQ(::flock(lockFd_, LOCK_EX | LOCK_NB), 0);
  }

  std::unique_ptr<RunsPage> makePage() {
    auto page = std::make_unique<RunsPage>();
    QSignalSpy refreshed(page.get(), &RunsPage::runsRefreshed);
    EXPECT_TRUE(refreshed.wait(kTimeoutMs));
    return page;
  }

  QString cell(RunsPage& page, const char* run, int column) {
    return page.model()->index(page.model()->rowOf(QString::fromLatin1(run)), column).data().toString();
  }

  sa3::test::TempDir dir_;
  int lockFd_ = -1;
};

TEST_F(RunsPageTest, RunFolders_ListedNewestFirstWithTheirSummary) {
  holdLock(dir_ / "2026-11-23-live");
  auto page = makePage();
  ASSERT_EQ(page->model()->rowCount(), 4);
  EXPECT_EQ(page->model()->run(0).name, "2026-11-23-live");
  EXPECT_EQ(cell(*page, "2026-11-20-finished", RunTableModel::StatusColumn), QStringLiteral("finished"));
  EXPECT_EQ(cell(*page, "2026-11-20-finished", RunTableModel::StepsColumn), QStringLiteral("40 / 40"));
  EXPECT_EQ(cell(*page, "2026-11-20-finished", RunTableModel::AdapterColumn), QStringLiteral("lora"));
  EXPECT_EQ(cell(*page, "2026-11-20-finished", RunTableModel::DurationColumn), QStringLiteral("20 min"));
  EXPECT_TRUE(cell(*page, "2026-11-21-remote", RunTableModel::KindColumn).startsWith(QStringLiteral("remote")));
  // No final_loss in run.json: the last step's loss (1/40).
  ASSERT_TRUE(page->model()->run(page->model()->rowOf(QStringLiteral("2026-11-20-finished"))).final_loss);
  EXPECT_NEAR(*page->model()->run(page->model()->rowOf(QStringLiteral("2026-11-20-finished"))).final_loss, 1.0 / 40,
              1e-6);
}

TEST_F(RunsPageTest, RunningWithFreeLock_InterruptedAndResumable) {
  holdLock(dir_ / "2026-11-23-live");
  auto page = makePage();
  EXPECT_EQ(cell(*page, "2026-11-22-crashed", RunTableModel::StatusColumn), QStringLiteral("interrupted"));
  EXPECT_EQ(cell(*page, "2026-11-23-live", RunTableModel::StatusColumn), QStringLiteral("running"));
  EXPECT_FALSE(page->notice().isEmpty());

  page->selectRuns({QStringLiteral("2026-11-23-live")});
  EXPECT_FALSE(page->resumeAction()->isEnabled());
  page->selectRuns({QStringLiteral("2026-11-22-crashed")});
  ASSERT_TRUE(page->resumeAction()->isEnabled());
  QSignalSpy resume(page.get(), &RunsPage::resumeRequested);
  page->resumeAction()->trigger();
  ASSERT_EQ(resume.count(), 1);
  EXPECT_EQ(fs::path(resume.at(0).at(0).toString().toStdString()), dir_ / "2026-11-22-crashed");
}

TEST_F(RunsPageTest, StoppedWithCheckpoint_ResumableButInterruptedWithoutOne_IsNot) {
  writeRun(dir_ / "2026-11-24-stopped", "stopped", "local", 1e-4, 8, "2026-11-24");
  writeRun(dir_ / "2026-11-24-early-crash", "running", "local", 1e-4, 3, "2026-11-24");
  write_text(dir_ / "2026-11-24-early-crash" / "progress.jsonl",
             "{\"event\":\"start\",\"step\":0}\n{\"event\":\"step\",\"step\":1,\"loss\":0.5}\n");
  auto page = makePage();
  page->selectRuns({QStringLiteral("2026-11-24-stopped")});
  EXPECT_TRUE(page->resumeAction()->isEnabled());
  page->selectRuns({QStringLiteral("2026-11-24-early-crash")});
  EXPECT_EQ(cell(*page, "2026-11-24-early-crash", RunTableModel::StatusColumn), QStringLiteral("interrupted"));
  EXPECT_FALSE(page->resumeAction()->isEnabled());
  page->selectRuns({QStringLiteral("2026-11-21-remote")});
  EXPECT_FALSE(page->resumeAction()->isEnabled());
}

TEST_F(RunsPageTest, SeveralSelected_CurvesOverlaidAndSettingsDiffed) {
  auto page = makePage();
  QSignalSpy shown(page.get(), &RunsPage::detailsShown);
  page->selectRuns({QStringLiteral("2026-11-20-finished"), QStringLiteral("2026-11-21-remote")});
  ASSERT_TRUE(shown.wait(kTimeoutMs));
  // Two runs: a raw and a smoothed series each, with every step.
  const QList<QAbstractSeries*> series = page->chart()->chart()->series();
  ASSERT_EQ(series.size(), 4);
  QList<int> counts;
  for (QAbstractSeries* s : series) counts << static_cast<QLineSeries*>(s)->count();
  EXPECT_EQ(counts.count(40), 2);
  EXPECT_EQ(counts.count(25), 2);
  // Only what differs: learning rate and steps, not rank or model.
  const QStringList keys = page->diff()->shownKeys();
  EXPECT_TRUE(keys.contains(QStringLiteral("learning_rate")));
  EXPECT_TRUE(keys.contains(QStringLiteral("number_of_steps")));
  EXPECT_FALSE(keys.contains(QStringLiteral("rank")));
  page->diff()->setShowAll(true);
  EXPECT_TRUE(page->diff()->shownKeys().contains(QStringLiteral("studio.checkpoint_every")));
}

TEST_F(RunsPageTest, DamagedRunJson_ListedAsUnreadableNamingTheFile) {
  write_text(dir_ / "2026-11-20-finished" / "run.json", "{\"status\": \"fini");
  auto page = makePage();
  ASSERT_EQ(page->model()->rowCount(), 4);
  const int row = page->model()->rowOf(QStringLiteral("2026-11-20-finished"));
  ASSERT_GE(row, 0);
  EXPECT_EQ(page->model()->index(row, RunTableModel::StatusColumn).data().toString(), QStringLiteral("unreadable"));
  EXPECT_TRUE(page->model()->index(row, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("run.json")));
  page->selectRuns({QStringLiteral("2026-11-20-finished")});
  EXPECT_FALSE(page->resumeAction()->isEnabled());
}

TEST(LossOverlayChart, MovingAverage_StartsAtFirstPointAndSmooths) {
  const auto ema = LossOverlayChart::movingAverage({{1, 2.0}, {2, 0.0}, {3, 0.0}});
  ASSERT_EQ(ema.size(), 3u);
  EXPECT_DOUBLE_EQ(ema[0].loss, 2.0);
  EXPECT_GT(ema[1].loss, 0.5);
  EXPECT_LT(ema[2].loss, ema[1].loss);
}

}  // namespace
}  // namespace sa3::ui
