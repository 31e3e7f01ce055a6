// SPDX-License-Identifier: GPL-3.0-or-later
// training_page_latency_bench: how long the GUI thread stalls while a run trains through the
// Training page (spec: no stall over 100 ms). A 5 ms QTimer probes the event loop: each
// tick's lateness beyond its interval is a stall. The page is shown at 1400×900 (use
// QT_QPA_PLATFORM=offscreen or a display), trains a tiny random model on a generated dataset
// through the real LocalTrainingBackend, and charts every step. Next to each stall it reports
// the GUI thread's own CPU time in that interval: a stall with little CPU time was the machine
// (other processes, the trainer's threads) keeping the thread off a core, not the page's work.
// --synthetic RATE replaces the trainer by a backend that reports RATE steps per second
// without training, to load the chart and log with long runs (e.g. 20000 steps) quickly.
//   training_page_latency_bench [--steps 3000] [--seconds 30] [--model small-music-base] [--device cpu]
//                               [--synthetic 1000]
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <thread>
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
constexpr double kReportMs = 50;  // stalls listed one by one, to find their cause

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

// Reports `rate` steps a second with a slowly falling, noisy loss, from its own thread.
class SyntheticBackend : public sa3::ui::TrainingBackend {
 public:
  SyntheticBackend(int steps, double rate) : m_steps(steps), m_rate(rate) {}
  ~SyntheticBackend() override { wait(); }
  sa3::Status start(const sa3::ui::TrainingStart&) override {
    m_thread = std::thread([this] {
      on_event(R"({"event":"start","step":0,"total_steps":)" + std::to_string(m_steps) + "}");
      for (int k = 1; k <= m_steps && !m_stop; ++k) {
        const double loss = 0.2 + 0.8 / std::sqrt(k) + 0.05 * std::sin(k * 12.9898);
        on_event(R"({"event":"step","step":)" + std::to_string(k) + R"(,"loss":)" + std::to_string(loss) +
                 R"(,"sec_per_step":)" + std::to_string(1 / m_rate) + "}");
        if (k % 250 == 0) on_event(R"({"event":"checkpoint","step":)" + std::to_string(k) + R"(,"path":"checkpoints"})");
        std::this_thread::sleep_for(std::chrono::duration<double>(1 / m_rate));
      }
      on_event(m_stop ? R"({"event":"stopped"})" : R"({"event":"finished"})");
    });
    return sa3::Done{};
  }
  sa3::Status reattach(const std::filesystem::path&) override { return sa3::Failure{sa3::ErrorKind::Internal, "synthetic"}; }
  bool canPause() const override { return false; }
  void pause() override {}
  void unpause() override {}
  void stop() override { m_stop = true; }
  sa3::Status wait() override {
    if (m_thread.joinable()) m_thread.join();
    return sa3::Done{};
  }

 private:
  int m_steps;
  double m_rate;
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
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
  double synthetic = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--steps")) steps = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seconds")) seconds = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--model")) model = argv[i + 1];
    else if (!std::strcmp(argv[i], "--device")) device = argv[i + 1];
    else if (!std::strcmp(argv[i], "--synthetic")) synthetic = std::atof(argv[i + 1]);
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
  page.setBackendFactory([&](sa3::ui::TrainingTarget) -> std::unique_ptr<sa3::ui::TrainingBackend> {
    if (synthetic > 0) return std::make_unique<SyntheticBackend>(steps, synthetic);
    return std::make_unique<sa3::ui::LocalTrainingBackend>(root / "models", device);
  });
  page.setDataset(QString::fromStdString((root / "data").string()), 1.2);
  auto* modelBox = static_cast<QComboBox*>(page.form()->fieldWidget(QStringLiteral("model")));
  modelBox->setCurrentIndex(modelBox->findData(QString::fromStdString(model)));
  static_cast<QSpinBox*>(page.form()->fieldWidget(QStringLiteral("number_of_steps")))->setValue(steps);
  static_cast<QSpinBox*>(page.form()->fieldWidget(QStringLiteral("rank")))->setValue(2);
  page.resize(1400, 900);
  page.show();

  std::vector<double> stalls, busy;
  struct LongStall {
    double atS, ms, cpuMs;
  };
  std::vector<LongStall> longStalls;
  double lastCpuMs = threadCpuMs();
  QElapsedTimer clock, sinceStart;
  QTimer probe;
  probe.setTimerType(Qt::PreciseTimer);
  probe.setInterval(kProbeMs);
  QObject::connect(&probe, &QTimer::timeout, [&] {
    const double stall = std::max(0.0, static_cast<double>(clock.nsecsElapsed()) / 1e6 - kProbeMs);
    const double cpu = threadCpuMs();
    stalls.push_back(stall);
    busy.push_back(cpu - lastCpuMs);
    if (stall > kReportMs) longStalls.push_back({sinceStart.elapsed() / 1000.0, stall, cpu - lastCpuMs});
    lastCpuMs = cpu;
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
  if (synthetic > 0)
    std::printf("GUI-thread stall while a synthetic run reports %.0f steps/s to the Training page (probe every %d ms)\n",
                synthetic, kProbeMs);
  else
    std::printf("GUI-thread stall while training %s on %s through the Training page (probe every %d ms)\n",
                model.c_str(), device.c_str(), kProbeMs);
  std::printf("  samples %zu  steps charted %lld  (%.1f steps/s after the first step)\n", stalls.size(),
              static_cast<long long>(trainedSteps), trainedSteps / std::max(trainingS, 1e-9));
  std::printf("  max stall %.1f ms  p99 %.1f ms  p50 %.1f ms  (target: max < 100 ms)\n",
              stalls.empty() ? 0.0 : *std::max_element(stalls.begin(), stalls.end()), percentile(stalls, 0.99),
              percentile(stalls, 0.5));
  std::printf("  GUI-thread CPU time per probe interval: max %.1f ms  p99 %.1f ms\n",
              busy.empty() ? 0.0 : *std::max_element(busy.begin(), busy.end()), percentile(busy, 0.99));
  std::printf("  first step charted after %.1f s; run ended after %.1f s\n", firstStepMs / 1000.0, sinceStart.elapsed() / 1000.0);
  for (const LongStall& l : longStalls)
    std::printf("  stall of %.1f ms at %.2f s (GUI thread busy %.1f ms of it)\n", l.ms, l.atS, l.cpuMs);
  return 0;
}
