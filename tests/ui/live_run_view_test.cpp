// SPDX-License-Identifier: GPL-3.0-or-later
// The Training page's live run on a scripted backend, offscreen: the buttons respond at once
// (pausing, paused, resume, stopping), a remote queue position and steps without a loss are
// shown as such, resumes never draw the curve backwards, a reattached run shows its history
// before it continues, warnings are coloured, and a finished or failed run notifies.
#include <gtest/gtest.h>

#include <QAction>
#include <QChart>
#include <QLabel>
#include <QProgressBar>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <condition_variable>
#include <mutex>

#include "qt_test_app.h"
#include "test_support.h"
#include "ui/runs/runs_page.h"
#include "ui/settings/secret_store.h"
#include "ui/training/live_loss_chart.h"
#include "ui/training/live_run_view.h"
#include "ui/training/run_log_view.h"
#include "ui/training/run_notifier.h"
#include "ui/training/run_progress.h"
#include "ui/training/run_status_panel.h"
#include "ui/training/series_decimation.h"
#include "ui/training/training_page.h"

namespace sa3::ui {
namespace {

namespace fs = std::filesystem;

// A backend the test scripts: it reports what the page asked and sends the lines the test gives.
struct FakeRun {
  std::mutex mutex;
  std::condition_variable ended;
  std::optional<sa3::Status> outcome;
  sa3::Status startResult = sa3::Done{};
  bool pausable = true;
  int pauses = 0, unpauses = 0, stops = 0;
  std::optional<fs::path> startedDir, reattachedDir;
  std::function<void(const std::string&)> send;

  bool begun() {
    std::lock_guard lock(mutex);
    return static_cast<bool>(send);
  }
  void end(sa3::Status status) {
    std::lock_guard lock(mutex);
    outcome = std::move(status);
    ended.notify_all();
  }
};

class FakeBackend : public TrainingBackend {
 public:
  explicit FakeBackend(FakeRun& run) : m_run(run) {}
  sa3::Status start(const TrainingStart& request) override {
    std::lock_guard lock(m_run.mutex);
    m_run.startedDir = request.run_dir;
    m_run.send = on_event;
    return m_run.startResult;
  }
  sa3::Status reattach(const fs::path& runDir) override {
    std::lock_guard lock(m_run.mutex);
    m_run.reattachedDir = runDir;
    m_run.send = on_event;
    return sa3::Done{};
  }
  bool canPause() const override { return m_run.pausable; }
  void pause() override { ++m_run.pauses; }
  void unpause() override { ++m_run.unpauses; }
  void stop() override {
    ++m_run.stops;
    m_run.end(sa3::Failure{sa3::ErrorKind::Cancelled, "cancelled"});
  }
  sa3::Status wait() override {
    std::unique_lock lock(m_run.mutex);
    m_run.ended.wait(lock, [&] { return m_run.outcome.has_value(); });
    return *m_run.outcome;
  }

 private:
  FakeRun& m_run;
};

std::string step(int k, double loss) {
  return "{\"event\":\"step\",\"step\":" + std::to_string(k) + ",\"loss\":" + std::to_string(loss) +
         ",\"sec_per_step\":0.5,\"eta_s\":" + std::to_string((10 - k) * 0.5) + "}";
}
std::string start(int k) { return "{\"event\":\"start\",\"step\":" + std::to_string(k) + ",\"total_steps\":10,\"model\":\"small-music-base\",\"device\":\"cpu\"}"; }

// No keychain service in tests: the secret store falls back to the session at once.
struct NoKeychain {
  NoKeychain() {
    qunsetenv("FAL_KEY");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sa3-test-bus");
  }
};

class LiveRunTest : public ::testing::Test {
 protected:
  LiveRunTest() {
    RunsPage::setRunsFolder(QString::fromStdString(dir_.path().string()));
    page_.setBackendFactory([this](TrainingTarget target) -> std::unique_ptr<TrainingBackend> {
      if (target == TrainingTarget::Remote) return nullptr;
      return std::make_unique<FakeBackend>(run_);
    });
    page_.setDataset(QString::fromStdString((dir_ / "data").string()), 3.0);
  }
  ~LiveRunTest() override {
    if (page_.runController()->isActive()) run_.end(sa3::Done{});
  }

  // Sends lines as the backend's thread would, then lets the page take them in.
  void send(std::initializer_list<std::string> lines) {
    for (const std::string& line : lines) run_.send(line);
    QCoreApplication::processEvents();
    page_.liveView()->chart()->sync();
  }
  void startAndWaitForBackend() {
    ASSERT_TRUE(page_.startRun());
    QTRY_VERIFY(run_.begun());
  }
  // The state label's text without its markup.
  QString stateText() const {
    return page_.liveView()->status()->stateLabel()->text().remove(QRegularExpression(QStringLiteral("<[^>]*>")));
  }

  NoKeychain noKeychain_;
  test::TempDir dir_;
  FakeRun run_;
  SecretStore secrets_;
  TrainingPage page_{&secrets_};
};

TEST_F(LiveRunTest, PauseResumeStop_RespondAtOnceAndFollowTheTrainer) {
  startAndWaitForBackend();
  EXPECT_TRUE(stateText().contains(QStringLiteral("Starting")));
  EXPECT_FALSE(page_.startAction()->isEnabled());
  EXPECT_FALSE(page_.liveView()->isHidden());
  send({start(0), step(1, 0.9), step(2, 0.8)});
  EXPECT_TRUE(page_.pauseAction()->isEnabled());
  EXPECT_EQ(page_.liveView()->status()->stepLabel()->text(), QStringLiteral("2 / 10"));
  EXPECT_EQ(page_.liveView()->status()->progressBar()->value(), 2);

  page_.pauseAction()->trigger();
  EXPECT_EQ(run_.pauses, 1);
  EXPECT_TRUE(stateText().contains(QStringLiteral("Pausing")));
  EXPECT_FALSE(page_.pauseAction()->isEnabled());
  send({step(3, 0.7), "{\"event\":\"paused\",\"step\":3}"});
  EXPECT_TRUE(stateText().contains(QStringLiteral("Paused at step 3")));
  EXPECT_TRUE(page_.resumeAction()->isEnabled());

  page_.resumeAction()->trigger();
  EXPECT_EQ(run_.unpauses, 1);
  EXPECT_FALSE(page_.resumeAction()->isEnabled());
  send({"{\"event\":\"resumed\",\"step\":3}", step(4, 0.6)});
  EXPECT_TRUE(page_.pauseAction()->isEnabled());

  QSignalSpy ended(page_.runController(), &RunController::ended);
  page_.stopAction()->trigger();
  EXPECT_EQ(run_.stops, 1);
  EXPECT_FALSE(page_.stopAction()->isEnabled());
  EXPECT_TRUE(stateText().contains(QStringLiteral("Stopping")));
  QTRY_COMPARE(ended.size(), 1);
  EXPECT_EQ(ended.at(0).at(0).value<RunController::Outcome>(), RunController::Outcome::Stopped);
  EXPECT_TRUE(stateText().contains(QStringLiteral("Stopped at step 4")));
  EXPECT_TRUE(page_.startAction()->isEnabled());
  EXPECT_EQ(page_.liveView()->chart()->points().size(), 4);
}

TEST_F(LiveRunTest, QueuePosition_AndStepsWithoutLoss_AreShown) {
  startAndWaitForBackend();
  send({"{\"event\":\"queue\",\"position\":3}"});
  EXPECT_TRUE(stateText().contains(QStringLiteral("queue position 3")));
  EXPECT_TRUE(page_.liveView()->chart()->chart()->title().contains(QStringLiteral("queue")));

  send({start(0), "{\"event\":\"step\",\"step\":1}", "{\"event\":\"step\",\"step\":2}"});
  EXPECT_EQ(page_.liveView()->status()->lossLabel()->text(), QStringLiteral("no loss reported"));
  EXPECT_TRUE(page_.liveView()->chart()->chart()->title().contains(QStringLiteral("No loss reported")));
  EXPECT_TRUE(page_.liveView()->chart()->points().isEmpty());
  EXPECT_EQ(page_.liveView()->status()->stepLabel()->text(), QStringLiteral("2 / 10"));
}

TEST_F(LiveRunTest, Resume_RewindsToItsCheckpointWithoutDrawingBackwards) {
  startAndWaitForBackend();
  // The first session reached step 5 but checkpointed at 3; the resumed one redoes 4 and 5.
  send({start(0), step(1, 1.0), step(2, 0.9), step(3, 0.8), step(4, 0.7), step(5, 0.6), start(3), step(4, 0.65),
        step(5, 0.55), step(6, 0.5)});
  const QList<QPointF>& points = page_.liveView()->chart()->points();
  ASSERT_EQ(points.size(), 6);
  for (qsizetype i = 1; i < points.size(); ++i) EXPECT_GT(points[i].x(), points[i - 1].x());
  EXPECT_DOUBLE_EQ(points[3].y(), 0.65);
  EXPECT_EQ(page_.liveView()->chart()->smoothed().size(), 6);
}

TEST_F(LiveRunTest, Reattach_ShowsHistoryFirstThenContinues) {
  const fs::path run = dir_ / "20261120-100000-small-music-base";
  fs::create_directories(run);
  test::write_text(run / "progress.jsonl",
                   "{\"event\":\"start\",\"step\":0,\"total_steps\":10,\"time\":\"2026-11-20T10:00:00.000Z\"}\n" +
                       step(1, 1.0) + "\n" + step(2, 0.9) + "\n" + step(3, 0.8) + "\n" +
                       "{\"event\":\"log\",\"level\":\"warning\",\"message\":\"clip a.wav: clipped\"}\n{\"event\":\"st");
  ASSERT_TRUE(page_.reattachRun(QString::fromStdString(run.string())));
  QTRY_VERIFY(run_.begun());
  EXPECT_EQ(*run_.reattachedDir, run);
  QTRY_COMPARE(page_.liveView()->chart()->points().size(), 3);
  EXPECT_EQ(page_.liveView()->log()->warningCount(), 1);
  EXPECT_TRUE(page_.liveView()->log()->document()->toHtml().contains(QStringLiteral("clipped")));
  send({start(3), step(4, 0.7)});
  ASSERT_EQ(page_.liveView()->chart()->points().size(), 4);
  EXPECT_DOUBLE_EQ(page_.liveView()->chart()->points().constLast().x(), 4);
}

TEST_F(LiveRunTest, Finish_Notifies) {
  QSignalSpy notified(page_.notifier(), &RunNotifier::notified);
  startAndWaitForBackend();
  send({start(0), step(10, 0.1), "{\"event\":\"finished\",\"step\":10}"});
  run_.end(sa3::Done{});
  QTRY_COMPARE(notified.size(), 1);
  EXPECT_EQ(notified.at(0).at(0).toString(), QStringLiteral("Training finished"));
  EXPECT_FALSE(notified.at(0).at(2).toBool());
  EXPECT_TRUE(stateText().contains(QStringLiteral("Finished")));
}

TEST_F(LiveRunTest, RefusedStart_FailsWithTheMessageAndNotifies) {
  run_.startResult = sa3::Failure{sa3::ErrorKind::InvalidInput, "run.lock: held by another sa3 process"};
  QSignalSpy notified(page_.notifier(), &RunNotifier::notified);
  ASSERT_TRUE(page_.startRun());
  QTRY_COMPARE(notified.size(), 1);
  EXPECT_TRUE(notified.at(0).at(2).toBool());
  EXPECT_TRUE(stateText().contains(QStringLiteral("run.lock: held")));
  EXPECT_EQ(page_.liveView()->log()->errorCount(), 1);
  EXPECT_TRUE(page_.startAction()->isEnabled());
}

TEST_F(LiveRunTest, RemoteWithoutBackend_DoesNotStart) {
  qputenv("FAL_KEY", "key-from-env");
  secrets_.read(Secret::FalKey);
  QTRY_VERIFY(page_.remoteButton()->isEnabled());
  page_.remoteButton()->setChecked(true);
  EXPECT_FALSE(page_.startRun());
  EXPECT_FALSE(page_.runController()->isActive());
  EXPECT_TRUE(stateText().contains(QStringLiteral("Failed")));
  qunsetenv("FAL_KEY");
}

TEST(SeriesDecimationTest, LongSeries_KeepsEachBucketsExtremesInStepOrder) {
  QList<QPointF> points;
  for (int k = 1; k <= 20000; ++k) points.append(QPointF(k, k == 12345 ? 9.0 : 1.0 / k));
  const QList<QPointF> drawn = decimateSeries(points, 1, 20000, 400);
  EXPECT_LE(drawn.size(), 800);
  EXPECT_GE(drawn.size(), 400);
  for (qsizetype i = 1; i < drawn.size(); ++i) EXPECT_LT(drawn[i - 1].x(), drawn[i].x());
  EXPECT_TRUE(drawn.contains(QPointF(12345, 9.0)));    // the spike
  EXPECT_TRUE(drawn.contains(QPointF(20000, 1.0 / 20000)));  // the floor
  EXPECT_EQ(decimateSeries(points.mid(0, 500), 1, 500, 400), points.mid(0, 500));
  // A zoomed range keeps its own detail, plus one point beyond each edge.
  const QList<QPointF> zoomed = decimateSeries(points, 100, 200, 400);
  EXPECT_EQ(zoomed.size(), 103);
  EXPECT_EQ(zoomed.constFirst().x(), 99);
}

TEST(RunProgressTest, Elapsed_CountsTrainingSpansNotTheGapsBetweenSessions) {
  auto at = [](const char* iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs); };
  auto event = [&](RunEvent::Kind kind, const char* iso) {
    RunEvent e;
    e.kind = kind;
    e.time = at(iso);
    return e;
  };
  RunProgress p;
  p.apply(event(RunEvent::Kind::Start, "2026-11-20T10:00:00.000Z"), {});
  p.apply(event(RunEvent::Kind::Step, "2026-11-20T10:01:00.000Z"), {});
  // The studio died here; the run is continued a day later and trains two more minutes.
  p.apply(event(RunEvent::Kind::Start, "2026-11-21T10:00:00.000Z"), {});
  p.apply(event(RunEvent::Kind::Paused, "2026-11-21T10:02:00.000Z"), {});
  EXPECT_DOUBLE_EQ(p.elapsedS(at("2026-11-21T12:00:00.000Z")), 180);
  p.apply(event(RunEvent::Kind::Resumed, "2026-11-21T12:00:00.000Z"), {});
  EXPECT_DOUBLE_EQ(p.elapsedS(at("2026-11-21T12:00:30.000Z")), 210);
  EXPECT_EQ(RunStatusPanel::clockText(3725), QStringLiteral("1:02:05"));
  EXPECT_EQ(RunStatusPanel::clockText(65), QStringLiteral("1:05"));
}

}  // namespace
}  // namespace sa3::ui
