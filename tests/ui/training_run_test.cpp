// SPDX-License-Identifier: GPL-3.0-or-later
// A real run through the Training page, offscreen: the form is filled, a tiny random model
// (sa3::make_tiny_model) trains on a generated two-clip dataset through LocalTrainingBackend,
// the chart receives the steps, pause holds the trainer, stop leaves a "stopped" run with a
// checkpoint, the run appears in the Runs page with its curve, and continuing it from the Runs
// page resumes the same series without going backwards.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "qt_test_app.h"
#include "sa3/audio.h"
#include "sa3/models.h"
#include "sa3/runs.h"
#include "test_support.h"
#include "ui/runs/loss_overlay_chart.h"
#include "ui/runs/run_table_model.h"
#include "ui/runs/runs_page.h"
#include "ui/settings/secret_store.h"
#include "ui/training/live_loss_chart.h"
#include "ui/training/live_run_view.h"
#include "ui/training/local_training_backend.h"
#include "ui/training/training_form.h"
#include "ui/training/training_page.h"

namespace sa3::ui {
namespace {

namespace fs = std::filesystem;
constexpr const char* kModel = "small-music-base";
constexpr int kTimeoutMs = 180000;  // model load and encoding on a loaded CI machine

void writeClip(const fs::path& dir, const std::string& name, double hz, double seconds, const std::string& caption) {
  sa3::AudioBuffer audio;
  audio.sample_rate = 44100;
  audio.channels = 2;
  const auto frames = static_cast<int64_t>(seconds * audio.sample_rate);
  for (int64_t i = 0; i < frames; ++i) {
    const auto v = static_cast<float>(0.5 * std::sin(2 * M_PI * hz * static_cast<double>(i) / audio.sample_rate));
    audio.samples.push_back(v);
    audio.samples.push_back(v);
  }
  ASSERT_TRUE(sa3::write_audio(dir / (name + ".wav"), audio));
  test::write_text(dir / (name + ".txt"), caption);
}

std::string runStatus(const fs::path& run) { return nlohmann::json::parse(test::read_text(run / "run.json"))["status"]; }

bool increasing(const QList<QPointF>& points) {
  for (qsizetype i = 1; i < points.size(); ++i)
    if (points[i].x() <= points[i - 1].x()) return false;
  return true;
}

class TrainingRunTest : public ::testing::Test {
 protected:
  TrainingRunTest() {
    qunsetenv("FAL_KEY");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sa3-test-bus");
    // The pre_encode cache lives under the data dir; keep it in the test's folder.
    qputenv("XDG_DATA_HOME", QByteArray::fromStdString((dir_ / "xdg").string()));
    EXPECT_TRUE(sa3::make_tiny_model(dir_ / "models", kModel, 1));
    fs::create_directories(dir_ / "data");
    writeClip(dir_ / "data", "low", 220, 1.2, "a low sine");
    writeClip(dir_ / "data", "high", 880, 0.8, "a high sine");
    RunsPage::setRunsFolder(QString::fromStdString((dir_ / "runs").string()));
  }

  TrainingBackendFactory factory() {
    return [models = dir_ / "models"](TrainingTarget target) -> std::unique_ptr<TrainingBackend> {
      if (target == TrainingTarget::Remote) return nullptr;
      return std::make_unique<LocalTrainingBackend>(models, "cpu");
    };
  }

  test::TempDir dir_;
};

TEST_F(TrainingRunTest, TinyRun_ChartsStepsPausesStopsAndResumesWithoutBacktracking) {
  SecretStore secrets;
  TrainingPage page(&secrets);
  page.setBackendFactory(factory());
  page.setDataset(QString::fromStdString((dir_ / "data").string()), 1.2);
  TrainingForm* form = page.form();
  auto* model = static_cast<QComboBox*>(form->fieldWidget(QStringLiteral("model")));
  model->setCurrentIndex(model->findData(QString::fromLatin1(kModel)));
  static_cast<QSpinBox*>(form->fieldWidget(QStringLiteral("number_of_steps")))->setValue(2000);
  static_cast<QSpinBox*>(form->fieldWidget(QStringLiteral("rank")))->setValue(2);
  static_cast<QLineEdit*>(form->fieldWidget(QStringLiteral("learning_rate")))->setText(QStringLiteral("1e-3"));
  ASSERT_TRUE(form->problems().empty());

  QSignalSpy ended(&page, &TrainingPage::runEnded);
  QSignalSpy started(&page, &TrainingPage::runStarted);
  page.startAction()->trigger();
  ASSERT_EQ(started.size(), 1);
  const fs::path run = started.at(0).at(0).toString().toStdString();
  LiveLossChart* chart = page.liveView()->chart();
  QTRY_VERIFY_WITH_TIMEOUT(chart->points().size() >= 3, kTimeoutMs);
  EXPECT_EQ(form->isEnabled(), false);

  // Pause holds the trainer at a step boundary: the step stops moving until Resume.
  page.pauseAction()->trigger();
  QTRY_COMPARE_WITH_TIMEOUT(page.liveView()->progress().state(), RunProgress::State::Paused, kTimeoutMs);
  EXPECT_EQ(runStatus(run), "paused");
  const qint64 pausedAt = page.liveView()->progress().step();
  QTest::qWait(400);
  EXPECT_EQ(page.liveView()->progress().step(), pausedAt);
  page.resumeAction()->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(page.liveView()->progress().step() > pausedAt + 1, kTimeoutMs);

  page.stopAction()->trigger();
  QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, kTimeoutMs);
  EXPECT_EQ(page.liveView()->progress().state(), RunProgress::State::Stopped);
  EXPECT_EQ(runStatus(run), "stopped");
  const qint64 stoppedAt = page.liveView()->progress().step();
  char checkpoint[32];
  std::snprintf(checkpoint, sizeof checkpoint, "step-%06lld", static_cast<long long>(stoppedAt));
  EXPECT_TRUE(fs::is_directory(run / "checkpoints" / checkpoint)) << checkpoint;
  chart->sync();
  EXPECT_EQ(chart->points().size(), stoppedAt);
  EXPECT_TRUE(increasing(chart->points()));

  // The Runs page lists it with its curve: every step the chart showed.
  RunsPage runs;
  QTRY_COMPARE_WITH_TIMEOUT(runs.model()->rowCount(), 1, kTimeoutMs);
  EXPECT_EQ(runs.model()->run(0).status, "stopped");
  EXPECT_EQ(runs.model()->run(0).step, stoppedAt);
  const auto curve = sa3::read_loss_curve(run);
  ASSERT_TRUE(curve);
  EXPECT_EQ(static_cast<qint64>(curve->size()), stoppedAt);

  // Continue it as the Runs page's Resume does: history first, then the same series grows.
  ASSERT_TRUE(page.reattachRun(QString::fromStdString(run.string())));
  QTRY_VERIFY_WITH_TIMEOUT(page.liveView()->progress().step() >= stoppedAt + 2, kTimeoutMs);
  page.stopAction()->trigger();
  QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 2, kTimeoutMs);
  chart->sync();
  const QList<QPointF>& points = chart->points();
  EXPECT_TRUE(increasing(points));
  EXPECT_EQ(points.size(), page.liveView()->progress().step());
  EXPECT_DOUBLE_EQ(points.at(static_cast<qsizetype>(stoppedAt) - 1).y(), curve->back().loss);
  EXPECT_EQ(runStatus(run), "stopped");
}

}  // namespace
}  // namespace sa3::ui
