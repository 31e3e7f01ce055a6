// SPDX-License-Identifier: GPL-3.0-or-later
// training_page_latency_bench: how long the GUI thread stalls while a run trains through the
// Training page (spec: no stall over 100 ms). A 5 ms QTimer probes the event loop: each
// tick's lateness beyond its interval is a stall. The page is shown at 1400×900 (use
// QT_QPA_PLATFORM=offscreen or a display), trains a tiny random model on a generated dataset
// through the real LocalTrainingBackend, and charts every step.
//   training_page_latency_bench [--steps 3000] [--seconds 30] [--model small-music-base] [--device cpu]
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "sa3/audio.h"
#include "sa3/models.h"
#include "ui/runs/runs_page.h"
#include "ui/settings/secret_store.h"
#include "ui/training/live_loss_chart.h"
#include "ui/training/live_run_view.h"
#include "ui/training/local_training_backend.h"
#include "ui/training/training_form.h"
#include "ui/training/training_page.h"

namespace {

namespace fs = std::filesystem;
constexpr int kProbeMs = 5;

void writeClip(const fs::path& path, double hz, double seconds, const char* caption) {
  sa3::AudioBuffer audio;
  audio.sample_rate = 44100;
  audio.channels = 2;
  for (int64_t i = 0; i < static_cast<int64_t>(seconds * 44100); ++i) {
    const auto v = static_cast<float>(0.5 * std::sin(2 * M_PI * hz * static_cast<double>(i) / 44100.0));
    audio.samples.insert(audio.samples.end(), {v, v});
  }
  if (!sa3::write_audio(path, audio)) throw std::runtime_error("cannot write " + path.string());
  std::FILE* text = std::fopen(fs::path(path).replace_extension(".txt").c_str(), "w");
  if (!text) throw std::runtime_error("cannot write the caption of " + path.string());
  std::fputs(caption, text);
  std::fclose(text);
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(std::min<double>(values.size() - 1, std::ceil(p * values.size()) - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  int steps = 3000;
  double seconds = 30;
  std::string model = "small-music-base", device = "cpu";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--steps")) steps = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seconds")) seconds = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--model")) model = argv[i + 1];
    else if (!std::strcmp(argv[i], "--device")) device = argv[i + 1];
  }
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("sa3studio-bench"));
  QTemporaryDir dir;
  const fs::path root = dir.path().toStdString();
  qputenv("XDG_DATA_HOME", QByteArray::fromStdString((root / "xdg").string()));
  qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sa3-bench-bus");
  if (auto made = sa3::make_tiny_model(root / "models", model, 1); !made) {
    std::fprintf(stderr, "%s\n", made.error().message.c_str());
    return 1;
  }
  fs::create_directories(root / "data");
  writeClip(root / "data" / "low.wav", 220, 1.2, "a low sine");
  writeClip(root / "data" / "high.wav", 880, 0.8, "a high sine");
  sa3::ui::RunsPage::setRunsFolder(QString::fromStdString((root / "runs").string()));

  sa3::ui::SecretStore secrets;
  sa3::ui::TrainingPage page(&secrets);
  page.setBackendFactory([&](sa3::ui::TrainingTarget) { return std::make_unique<sa3::ui::LocalTrainingBackend>(root / "models", device); });
  page.setDataset(QString::fromStdString((root / "data").string()), 1.2);
  auto* modelBox = static_cast<QComboBox*>(page.form()->fieldWidget(QStringLiteral("model")));
  modelBox->setCurrentIndex(modelBox->findData(QString::fromStdString(model)));
  static_cast<QSpinBox*>(page.form()->fieldWidget(QStringLiteral("number_of_steps")))->setValue(steps);
  static_cast<QSpinBox*>(page.form()->fieldWidget(QStringLiteral("rank")))->setValue(2);
  page.resize(1400, 900);
  page.show();

  std::vector<double> stalls;
  QElapsedTimer clock, sinceStart;
  QTimer probe;
  probe.setTimerType(Qt::PreciseTimer);
  probe.setInterval(kProbeMs);
  QObject::connect(&probe, &QTimer::timeout, [&] {
    stalls.push_back(std::max(0.0, static_cast<double>(clock.nsecsElapsed()) / 1e6 - kProbeMs));
    clock.restart();
  });
  qint64 firstStepMs = -1;
  QObject::connect(page.runController(), &sa3::ui::RunController::eventsArrived, [&] {
    if (firstStepMs < 0 && !page.liveView()->chart()->points().isEmpty()) firstStepMs = sinceStart.elapsed();
  });
  QObject::connect(&page, &sa3::ui::TrainingPage::runEnded, &app, &QApplication::quit);
  QTimer::singleShot(static_cast<int>(seconds * 1000), &page, [&] { page.stopRun(); });
  sinceStart.start();
  clock.start();
  probe.start();
  if (!page.startRun()) return 1;
  app.exec();

  const qint64 trainedSteps = page.liveView()->progress().step();
  const double trainingS = (sinceStart.elapsed() - std::max<qint64>(0, firstStepMs)) / 1000.0;
  std::printf("GUI-thread stall while training %s on %s through the Training page (probe every %d ms)\n", model.c_str(),
              device.c_str(), kProbeMs);
  std::printf("  samples %zu  steps charted %lld  (%.1f steps/s after the first step)\n", stalls.size(),
              static_cast<long long>(trainedSteps), trainedSteps / std::max(trainingS, 1e-9));
  std::printf("  max stall %.1f ms  p99 %.1f ms  p50 %.1f ms  (target: max < 100 ms)\n",
              stalls.empty() ? 0.0 : *std::max_element(stalls.begin(), stalls.end()), percentile(stalls, 0.99),
              percentile(stalls, 0.5));
  return 0;
}
