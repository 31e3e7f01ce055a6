// SPDX-License-Identifier: GPL-3.0-or-later
// The Audition page end to end with the studio's real render function (sa3::Generator) on
// tiny random models: a LoRA trained for a few steps by LocalTrainer on a two-clip dataset,
// validation demos rendered into its run folder, and a LoRA claiming another base model.
// The only GUI test that links torch (through sa3_ui_generate).
#include <gtest/gtest.h>

#include <QAction>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <cmath>
#include <nlohmann/json.hpp>

#include "sa3/audio.h"
#include "sa3/generate.h"
#include "sa3/models.h"
#include "sa3/trainer.h"
#include "test_support.h"
#include "ui/audition/ab_player.h"
#include "ui/audition/audition_page.h"
#include "ui/audition/audition_settings.h"
#include "ui/audition/generator_render_function.h"
#include "ui/audition/spectrogram_view.h"
#include "ui/dataset/waveform_view.h"
#include "ui/settings/studio_settings.h"

namespace {

namespace fs = std::filesystem;
using sa3::ui::ABPlayer;
using sa3::ui::AuditionPage;
using sa3::ui::fromFsPath;
using sa3::ui::toFsPath;

constexpr int kRate = 44100;
constexpr int kSteps = 3;
constexpr int kRenderTimeoutMs = 300000;

void writeClip(const fs::path& dir, const std::string& name, double hz, double seconds, const std::string& caption) {
  sa3::AudioBuffer audio;
  audio.sample_rate = kRate;
  audio.channels = 2;
  const auto frames = static_cast<size_t>(seconds * kRate);
  for (size_t i = 0; i < frames; ++i) {
    const auto v = static_cast<float>(0.5 * std::sin(2 * M_PI * hz * static_cast<double>(i) / kRate));
    audio.samples.push_back(v);
    audio.samples.push_back(v);
  }
  ASSERT_TRUE(sa3::write_audio(dir / (name + ".wav"), audio));
  sa3::test::write_text(dir / (name + ".txt"), caption);
}

sa3::AudioBuffer decode(const QString& file) {
  auto audio = sa3::decode_audio(toFsPath(file));
  EXPECT_TRUE(audio.ok()) << file.toStdString() << ": " << (audio ? "" : audio.error().message);
  return audio ? *audio : sa3::AudioBuffer{};
}

double maxDifference(const sa3::AudioBuffer& a, const sa3::AudioBuffer& b) {
  EXPECT_EQ(a.samples.size(), b.samples.size());
  double d = 0;
  for (size_t i = 0; i < std::min(a.samples.size(), b.samples.size()); ++i)
    d = std::max(d, static_cast<double>(std::abs(a.samples[i] - b.samples[i])));
  return d;
}

QJsonObject readJson(const QString& path) {
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
  return QJsonDocument::fromJson(file.readAll()).object();
}

QString settingsJsonOf(const QString& wav) {
  const QFileInfo info(wav);
  return info.dir().filePath(info.completeBaseName() + QStringLiteral(".json"));
}

QAction* actionWithKey(const QWidget& page, const QKeySequence& key) {
  for (QAction* a : page.actions())
    if (a->shortcut() == key) return a;
  return nullptr;
}

class AuditionGeneratorTest : public ::testing::Test {
 protected:
  // Training and the demos take most of the time, so every test shares one trained run.
  static void SetUpTestSuite() {
    root_ = new sa3::test::TempDir();
    const fs::path models = root_->path() / "models";
    for (const char* id : {"small-music-base", "small-music"}) {
      const sa3::Status made = sa3::make_tiny_model(models, id, 1);
      ASSERT_TRUE(made) << made.error().message;
    }
    const fs::path data = root_->path() / "data";
    fs::create_directories(data);
    writeClip(data, "low", 220, 1.2, "a low sine");
    writeClip(data, "high", 880, 0.8, "a high sine");

    sa3::LocalTrainingRequest request;
    request.job.model = "small-music-base";
    request.job.number_of_steps = kSteps;
    request.job.rank = 2;
    request.job.adapter_type = "lora";
    // Large for a real run, so that three steps move the tiny model audibly.
    request.job.learning_rate = 5e-2;
    request.job.seed = 3;
    request.job.studio = sa3::StudioOptions{};
    request.job.studio->checkpoint_every = 1;
    request.dataset = data;
    request.run_dir = root_->path() / "run";
    request.models_dir = models;
    request.device = "cpu";
    sa3::LocalTrainer trainer;
    const sa3::Status started = trainer.start(request);
    ASSERT_TRUE(started) << started.error().message;
    const auto trained = trainer.wait();
    ASSERT_TRUE(trained) << trained.error().message;

    sa3::JobControl job;
    auto generator = sa3::Generator::open({models, "small-music", "cpu"}, job);
    ASSERT_TRUE(generator) << generator.error().message;
    // As the trainer lays them out: a step-0 baseline, then each step's checkpoint heard.
    for (const int step : {0, 1, kSteps}) {
      sa3::DemoRequest demo;
      demo.run_dir = request.run_dir;
      demo.step = step;
      demo.prompts = {"a low sine"};
      demo.seeds = {5};
      demo.seconds = 1;
      if (step > 0) {
        demo.lora = toFsPath(QStringLiteral("%1/checkpoints/step-%2/adapter.safetensors")
                                 .arg(fromFsPath(request.run_dir))
                                 .arg(step, 6, 10, QLatin1Char('0')));
      }
      const auto written = sa3::render_demos(**generator, demo, job);
      ASSERT_TRUE(written) << written.error().message;
    }

    // The same weights, but claiming a base model of another family.
    const fs::path foreign = root_->path() / "sfx-run";
    fs::create_directories(foreign);
    fs::copy_file(trained->lora_file, foreign / "lora.safetensors");
    sa3::test::write_text(foreign / "config.json", nlohmann::json{{"base_model", "small-sfx-base"}}.dump());
  }
  static void TearDownTestSuite() {
    delete root_;
    root_ = nullptr;
  }

  void SetUp() override {
    ASSERT_TRUE(fs::exists(root_->path() / "run" / "lora.safetensors")) << "the shared run could not be trained";
    sa3::ui::StudioSettings::setModelsFolder(fromFsPath(root_->path() / "models"));
    page_.setRenderFunction(sa3::ui::makeGeneratorRenderFunction());
    page_.resize(1100, 800);
    page_.show();
  }

  static QString runFolder() { return fromFsPath(root_->path() / "run"); }

  void openRun() {
    QSignalSpy scanned(&page_, &AuditionPage::demosScanned);
    page_.setRunFolder(runFolder());
    ASSERT_TRUE(scanned.wait(10000));
  }

  // Short renders keep the test quick; everything else stays as the page sets it.
  void setSettings(double seconds, int seed, double strength) {
    page_.findChild<QDoubleSpinBox*>(QStringLiteral("seconds"))->setValue(seconds);
    page_.findChild<QSpinBox*>(QStringLiteral("seed"))->setValue(seed);
    page_.findChild<QDoubleSpinBox*>(QStringLiteral("strength"))->setValue(strength);
  }

  QStringList generateAndSave() {
    QSignalSpy saved(&page_, &AuditionPage::rendersSaved);
    QSignalSpy ready(&page_, &AuditionPage::comparisonReady);
    page_.generate();
    EXPECT_TRUE(saved.wait(kRenderTimeoutMs)) << noteText().toStdString();
    if (ready.isEmpty()) EXPECT_TRUE(ready.wait(20000));
    return saved.isEmpty() ? QStringList() : saved.first().first().toStringList();
  }

  QString noteText() const { return page_.findChild<QLabel*>(QStringLiteral("generateNote"))->text(); }

  static sa3::test::TempDir* root_;
  AuditionPage page_;
};

sa3::test::TempDir* AuditionGeneratorTest::root_ = nullptr;

TEST_F(AuditionGeneratorTest, OpeningTheRun_PrefillsCaptionsModelAndDemos) {
  openRun();
  EXPECT_TRUE(page_.prompts().contains(QStringLiteral("a low sine"))) << page_.prompts().join('|').toStdString();
  EXPECT_TRUE(page_.prompts().contains(QStringLiteral("a high sine")));
  // Captions in file-name order: high.txt comes first.
  EXPECT_EQ(page_.settings().prompt, QStringLiteral("a high sine"));
  EXPECT_EQ(page_.settings().model, QStringLiteral("small-music"));
  EXPECT_EQ(page_.settings().loraFile, QDir(runFolder()).filePath(QStringLiteral("lora.safetensors")));
  ASSERT_EQ(page_.demos().size(), 3);
  EXPECT_EQ(page_.demos()[2].step, kSteps);
}

TEST_F(AuditionGeneratorTest, Generate_ShowsBaseAndLoraSwitchesBlindSavesAndExports) {
  openRun();
  setSettings(1.0, 11, 1.0);
  const QStringList wavs = generateAndSave();
  ASSERT_EQ(wavs.size(), 2);

  // Both renders appear as waveform and spectrogram.
  const auto waveforms = page_.findChildren<sa3::ui::WaveformView*>();
  const auto spectrograms = page_.findChildren<sa3::ui::SpectrogramView*>();
  ASSERT_EQ(waveforms.size(), 2);
  ASSERT_EQ(spectrograms.size(), 2);
  for (int i = 0; i < 2; ++i) {
    EXPECT_TRUE(waveforms[i]->hasPeaks()) << i;
    EXPECT_FALSE(spectrograms[i]->isEmpty()) << i;
  }
  EXPECT_EQ(page_.roleOf(0), QStringLiteral("Base"));
  EXPECT_EQ(page_.roleOf(1), QStringLiteral("LoRA"));

  // Saved in the run folder, each with the settings that reproduce it; the trained LoRA is heard.
  const sa3::AudioBuffer base = decode(wavs[0]);
  const sa3::AudioBuffer tuned = decode(wavs[1]);
  EXPECT_EQ(base.frames(), kRate);
  EXPECT_EQ(tuned.frames(), kRate);
  EXPECT_GT(maxDifference(base, tuned), 1e-4);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(QFileInfo(wavs[i]).absolutePath(), QDir(runFolder()).filePath(QStringLiteral("renders")));
    const QJsonObject json = readJson(settingsJsonOf(wavs[i]));
    EXPECT_EQ(json.value(QStringLiteral("model")).toString(), QStringLiteral("small-music"));
    EXPECT_EQ(json.value(QStringLiteral("prompt")).toString(), QStringLiteral("a high sine"));
    EXPECT_EQ(json.value(QStringLiteral("seed")).toInt(), 11);
    EXPECT_DOUBLE_EQ(json.value(QStringLiteral("seconds")).toDouble(), 1.0);
    EXPECT_EQ(json.value(QStringLiteral("lora")).isNull(), i == 0);
  }

  // One transport: switching sides keeps the position.
  ABPlayer* player = page_.player();
  player->seek(400);
  actionWithKey(page_, QKeySequence(Qt::Key_B))->trigger();
  EXPECT_EQ(player->side(), ABPlayer::Side::B);
  EXPECT_EQ(player->position(), 400);
  EXPECT_EQ(player->audibleSource(), player->source(ABPlayer::Side::B));
  actionWithKey(page_, QKeySequence(Qt::Key_A))->trigger();
  EXPECT_EQ(player->position(), 400);

  // Blind: no roles until the guess, then both are named.
  page_.setBlind(true);
  for (int side : {0, 1}) {
    EXPECT_FALSE(page_.sideLabel(side).contains(QStringLiteral("Base"))) << page_.sideLabel(side).toStdString();
    EXPECT_FALSE(page_.sideLabel(side).contains(QStringLiteral("LoRA"))) << page_.sideLabel(side).toStdString();
  }
  page_.guess(1);
  ASSERT_TRUE(page_.isRevealed());
  EXPECT_FALSE(page_.guessResult().isEmpty());
  for (int side : {0, 1}) EXPECT_TRUE(page_.sideLabel(side).contains(page_.roleOf(side)));

  // Export writes the audible side as rendered (not the loudness-matched playback copy).
  player->setSide(ABPlayer::Side::B);
  const QString exported = fromFsPath(root_->path() / "exported.wav");
  QSignalSpy status(&page_, &AuditionPage::statusMessage);
  page_.exportAudible(exported);
  ASSERT_TRUE(status.wait(20000));
  const sa3::AudioBuffer written = decode(exported);
  EXPECT_EQ(written.frames(), kRate);
  EXPECT_EQ(written.samples, (page_.roleOf(1) == QStringLiteral("LoRA") ? tuned : base).samples);
}

TEST_F(AuditionGeneratorTest, StrengthZero_LoraRenderEqualsBaseRender) {
  openRun();
  setSettings(1.0, 11, 0.0);
  const QStringList wavs = generateAndSave();
  ASSERT_EQ(wavs.size(), 2);
  // Same seed and same noise for both renders: without the LoRA's effect they are identical.
  EXPECT_EQ(decode(wavs[0]).samples, decode(wavs[1]).samples);
}

TEST_F(AuditionGeneratorTest, LoraForAnotherModel_IsRefusedWithAVisibleMessage) {
  openRun();
  setSettings(1.0, 11, 1.0);
  page_.findChild<QLineEdit*>(QStringLiteral("loraFile"))
      ->setText(fromFsPath(root_->path() / "sfx-run" / "lora.safetensors"));
  const QDir renders(QDir(runFolder()).filePath(QStringLiteral("renders")));
  const qsizetype before = renders.entryList(QDir::Files).size();
  QSignalSpy status(&page_, &AuditionPage::statusMessage);
  QSignalSpy ready(&page_, &AuditionPage::comparisonReady);
  page_.generate();
  ASSERT_TRUE(status.wait(kRenderTimeoutMs));
  const auto* note = page_.findChild<QLabel*>(QStringLiteral("generateNote"));
  EXPECT_TRUE(note->isVisible());
  EXPECT_TRUE(note->text().contains(QStringLiteral("small-sfx-base"))) << note->text().toStdString();
  EXPECT_TRUE(note->text().contains(QStringLiteral("small-music"))) << note->text().toStdString();
  // The message stays once the render task has finished.
  QTest::qWait(200);
  EXPECT_TRUE(noteText().contains(QStringLiteral("small-sfx-base")));
  EXPECT_TRUE(ready.isEmpty());
  EXPECT_EQ(renders.entryList(QDir::Files).size(), before);
}

TEST_F(AuditionGeneratorTest, Demos_StepThroughAgainstTheStepZeroBaseline) {
  openRun();
  QAction* compare = actionWithKey(page_, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
  QAction* next = actionWithKey(page_, QKeySequence(Qt::ALT | Qt::Key_Down));
  QAction* previous = actionWithKey(page_, QKeySequence(Qt::ALT | Qt::Key_Up));
  ASSERT_TRUE(compare && next && previous);
  EXPECT_FALSE(previous->isEnabled());

  QSignalSpy ready(&page_, &AuditionPage::comparisonReady);
  compare->trigger();
  ASSERT_TRUE(ready.wait(20000));
  EXPECT_EQ(page_.roleOf(0), QStringLiteral("Step 0"));
  EXPECT_EQ(page_.roleOf(1), QStringLiteral("Step 1"));
  for (const auto* view : page_.findChildren<sa3::ui::SpectrogramView*>()) EXPECT_FALSE(view->isEmpty());

  next->trigger();
  ASSERT_TRUE(ready.wait(20000));
  EXPECT_EQ(page_.roleOf(0), QStringLiteral("Step 0"));
  EXPECT_EQ(page_.roleOf(1), QStringLiteral("Step %1").arg(kSteps));
  EXPECT_FALSE(next->isEnabled());
  EXPECT_TRUE(previous->isEnabled());
  // What is heard is the demo files themselves: training moved the render away from step 0.
  const sa3::AudioBuffer baseline = decode(page_.demos()[0].entries[0].file);
  const sa3::AudioBuffer trained = decode(page_.demos()[2].entries[0].file);
  EXPECT_GT(maxDifference(baseline, trained), 1e-4);

  previous->trigger();
  ASSERT_TRUE(ready.wait(20000));
  EXPECT_EQ(page_.roleOf(1), QStringLiteral("Step 1"));
}

}  // namespace
