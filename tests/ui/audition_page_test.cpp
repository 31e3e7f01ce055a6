// SPDX-License-Identifier: GPL-3.0-or-later
// Audition page: loudness matching, A/B switching, blind mode, saving renders, the demos
// browser and the Generate flow, with renders injected (no model needed).
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <cmath>
#include <mutex>

#include "test_support.h"
#include "ui/audition/ab_player.h"
#include "ui/audition/audition_page.h"
#include "ui/audition/audition_settings.h"
#include "ui/audition/demo_index.h"
#include "ui/audition/loudness_match.h"
#include "ui/settings/studio_settings.h"

namespace {

using sa3::ui::ABPlayer;
using sa3::ui::AuditionPage;
using sa3::ui::toFsPath;

sa3::AudioBuffer sine(double amplitude, double hz = 440, double seconds = 3, int rate = 44100) {
  sa3::AudioBuffer audio;
  audio.sample_rate = rate;
  audio.channels = 2;
  const auto frames = static_cast<size_t>(seconds * rate);
  audio.samples.resize(frames * 2);
  for (size_t f = 0; f < frames; ++f) {
    const float v = static_cast<float>(amplitude * std::sin(2 * M_PI * hz * f / rate));
    audio.samples[2 * f] = v;
    audio.samples[2 * f + 1] = v;
  }
  return audio;
}

double loudnessOf(const QString& file) {
  auto audio = sa3::decode_audio(toFsPath(file));
  EXPECT_TRUE(audio.ok()) << file.toStdString();
  if (!audio) return 0;
  return *sa3::integrated_loudness(*audio);
}

QAction* actionWithKey(const QWidget& page, const QKeySequence& key) {
  for (QAction* a : page.actions())
    if (a->shortcut() == key) return a;
  return nullptr;
}

sa3::ui::AuditionSettings settingsIn(const QString& run) {
  sa3::ui::AuditionSettings s;
  s.runFolder = run;
  s.loraFile = QDir(run).filePath(QStringLiteral("lora.safetensors"));
  s.prompt = QStringLiteral("dusty vinyl drums");
  s.seed = 42;
  s.seconds = 3;
  s.strength = 0.8;
  return s;
}

void showPair(AuditionPage& page, const sa3::ui::AuditionSettings& s, double baseAmp = 0.5, double loraAmp = 0.1) {
  QSignalSpy ready(&page, &AuditionPage::comparisonReady);
  page.showRenders(s, sine(baseAmp, 440), sine(loraAmp, 660));
  ASSERT_TRUE(ready.wait(20000));
}

TEST(LoudnessMatch, DifferentLevels_LouderTurnedDownToQuieter) {
  const auto match = sa3::ui::matchLoudness(sine(0.5), sine(0.1));
  ASSERT_TRUE(match.ok()) << match.error().message;
  EXPECT_TRUE(match->matched);
  EXPECT_NEAR(match->loudnessA - match->loudnessB, 20 * std::log10(5.0), 0.2);
  EXPECT_NEAR(match->gainA, match->loudnessB - match->loudnessA, 1e-9);
  EXPECT_EQ(match->gainB, 0.0);
  const auto after = sa3::integrated_loudness(sa3::ui::withGain(sine(0.5), match->gainA));
  EXPECT_NEAR(*after, match->loudnessB, 0.1);
}

TEST(LoudnessMatch, SilentSide_NotMatched) {
  const auto match = sa3::ui::matchLoudness(sine(0.5), sine(0.0));
  ASSERT_TRUE(match.ok());
  EXPECT_FALSE(match->matched);
  EXPECT_EQ(match->gainA, 0.0);
}

TEST(AuditionPage, InjectedRenders_PlaybackFilesAreLoudnessMatched) {
  sa3::test::TempDir run;
  AuditionPage page;
  showPair(page, settingsIn(QString::fromStdString(run.path().string())));
  const QString a = page.player()->source(ABPlayer::Side::A);
  const QString b = page.player()->source(ABPlayer::Side::B);
  ASSERT_FALSE(a.isEmpty());
  ASSERT_NE(a, b);
  EXPECT_NEAR(loudnessOf(a), loudnessOf(b), 0.2);
}

TEST(AuditionPage, SwitchingSides_KeepsPositionAndSwapsSource) {
  sa3::test::TempDir run;
  AuditionPage page;
  showPair(page, settingsIn(QString::fromStdString(run.path().string())));
  ABPlayer* player = page.player();
  EXPECT_EQ(player->side(), ABPlayer::Side::A);
  EXPECT_EQ(player->audibleSource(), player->source(ABPlayer::Side::A));
  player->seek(1500);

  QAction* keyB = actionWithKey(page, QKeySequence(Qt::Key_B));
  ASSERT_NE(keyB, nullptr);
  keyB->trigger();
  EXPECT_EQ(player->side(), ABPlayer::Side::B);
  EXPECT_EQ(player->audibleSource(), player->source(ABPlayer::Side::B));
  EXPECT_EQ(player->position(), 1500);
  EXPECT_TRUE(page.sideLabel(1).contains(QStringLiteral("playing")));

  QAction* keyA = actionWithKey(page, QKeySequence(Qt::Key_A));
  ASSERT_NE(keyA, nullptr);
  keyA->trigger();
  EXPECT_EQ(player->side(), ABPlayer::Side::A);
  EXPECT_EQ(player->position(), 1500);
  actionWithKey(page, QKeySequence(Qt::Key_T))->trigger();
  EXPECT_EQ(player->side(), ABPlayer::Side::B);
}

TEST(AuditionPage, BlindMode_HidesRolesUntilGuessed) {
  sa3::test::TempDir run;
  AuditionPage page;
  showPair(page, settingsIn(QString::fromStdString(run.path().string())));
  EXPECT_TRUE(page.sideLabel(0).contains(QStringLiteral("Base")));
  page.setBlind(true);
  for (int side : {0, 1}) {
    EXPECT_FALSE(page.sideLabel(side).contains(QStringLiteral("Base"))) << page.sideLabel(side).toStdString();
    EXPECT_FALSE(page.sideLabel(side).contains(QStringLiteral("LoRA"))) << page.sideLabel(side).toStdString();
  }
  EXPECT_FALSE(page.isRevealed());
  page.guess(0);
  EXPECT_TRUE(page.isRevealed());
  const bool loraOnA = page.roleOf(0) == QStringLiteral("LoRA");
  EXPECT_TRUE(page.sideLabel(0).contains(page.roleOf(0)));
  EXPECT_TRUE(page.sideLabel(1).contains(page.roleOf(1)));
  EXPECT_EQ(page.guessResult().startsWith(QStringLiteral("Right")), loraOnA) << page.guessResult().toStdString();
  // The player plays what the labels say: the LoRA render is the quieter playback file only if
  // it was turned down, so compare the files' identity with the roles instead.
  EXPECT_NE(page.player()->source(ABPlayer::Side::A), page.player()->source(ABPlayer::Side::B));
}

TEST(AuditionPage, SaveRenders_WritesWavAndSettingsJsonIntoRunRenders) {
  sa3::test::TempDir run;
  const QString runDir = QString::fromStdString(run.path().string());
  AuditionPage page;
  const auto settings = settingsIn(runDir);
  showPair(page, settings);
  QSignalSpy saved(&page, &AuditionPage::rendersSaved);
  page.saveRenders();
  ASSERT_TRUE(saved.wait(20000));
  const QStringList wavs = saved.first().first().toStringList();
  ASSERT_EQ(wavs.size(), 2);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(QFileInfo(wavs[i]).absolutePath(), QDir(runDir).filePath(QStringLiteral("renders")));
    const auto audio = sa3::decode_audio(toFsPath(wavs[i]));
    ASSERT_TRUE(audio.ok());
    EXPECT_EQ(audio->frames(), 3 * 44100);
    QFile json(QFileInfo(wavs[i]).path() + QLatin1Char('/') + QFileInfo(wavs[i]).completeBaseName() +
               QStringLiteral(".json"));
    ASSERT_TRUE(json.open(QIODevice::ReadOnly)) << json.fileName().toStdString();
    const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
    EXPECT_EQ(o.value(QStringLiteral("seed")).toInt(), 42);
    EXPECT_EQ(o.value(QStringLiteral("prompt")).toString(), settings.prompt);
    EXPECT_EQ(o.value(QStringLiteral("file")).toString(), QFileInfo(wavs[i]).fileName());
    EXPECT_EQ(o.value(QStringLiteral("lora")).isNull(), i == 0);
  }
  EXPECT_TRUE(wavs[0].endsWith(QStringLiteral("-base.wav")));
  EXPECT_TRUE(wavs[1].endsWith(QStringLiteral("-lora.wav")));
}

void writeDemoStep(const QString& runDir, int step, bool complete) {
  const QString folder = QDir(runDir).filePath(QStringLiteral("demos/step-%1").arg(step, 6, 10, QLatin1Char('0')));
  QDir().mkpath(folder);
  QJsonArray files;
  for (int p = 0; p < 2; ++p) {
    const QString name = QStringLiteral("%1-7.wav").arg(p);
    ASSERT_TRUE(sa3::write_audio(toFsPath(QDir(folder).filePath(name)), sine(0.1 + 0.1 * p + step / 1000.0)).ok());
    files.append(QJsonObject{{QStringLiteral("file"), name},
                             {QStringLiteral("prompt"), QStringLiteral("prompt %1").arg(p)},
                             {QStringLiteral("seed"), 7}});
  }
  if (!complete) return;
  QFile json(QDir(folder).filePath(QStringLiteral("demo.json")));
  ASSERT_TRUE(json.open(QIODevice::WriteOnly));
  json.write(QJsonDocument(QJsonObject{{QStringLiteral("step"), step}, {QStringLiteral("files"), files}}).toJson());
}

TEST(AuditionPage, DemosFolder_ListedAndComparedWithStepZero) {
  sa3::test::TempDir run;
  const QString runDir = QString::fromStdString(run.path().string());
  writeDemoStep(runDir, 0, true);
  writeDemoStep(runDir, 250, true);
  writeDemoStep(runDir, 500, false);
  AuditionPage page;
  QSignalSpy scanned(&page, &AuditionPage::demosScanned);
  page.setRunFolder(runDir);
  ASSERT_TRUE(scanned.wait(10000));
  const auto& demos = page.demos();
  ASSERT_EQ(demos.size(), 3);
  EXPECT_EQ(demos[0].step, 0);
  EXPECT_EQ(demos[1].step, 250);
  EXPECT_TRUE(demos[1].complete);
  EXPECT_FALSE(demos[2].complete);
  ASSERT_EQ(demos[1].entries.size(), 2);
  EXPECT_EQ(demos[1].entries[1].prompt, QStringLiteral("prompt 1"));
  EXPECT_EQ(demos[1].entries[1].seed, 7u);
  // The run's demo prompts are offered as prompts too.
  EXPECT_EQ(page.settings().loraFile, QDir(runDir).filePath(QStringLiteral("lora.safetensors")));

  QSignalSpy ready(&page, &AuditionPage::comparisonReady);
  page.compareDemo(demos[1].entries[1], 250);
  ASSERT_TRUE(ready.wait(20000));
  EXPECT_EQ(page.roleOf(0), QStringLiteral("Step 0"));
  EXPECT_EQ(page.roleOf(1), QStringLiteral("Step 250"));
  EXPECT_TRUE(page.player()->source(ABPlayer::Side::A).endsWith(QStringLiteral("-a.wav")));
}

TEST(AuditionPage, DemoSteps_NextAndPreviousKeepThePromptAndSeed) {
  sa3::test::TempDir run;
  const QString runDir = QString::fromStdString(run.path().string());
  for (int step : {0, 250, 500}) writeDemoStep(runDir, step, true);
  AuditionPage page;
  QSignalSpy scanned(&page, &AuditionPage::demosScanned);
  page.setRunFolder(runDir);
  ASSERT_TRUE(scanned.wait(10000));
  auto* entry = page.findChild<QComboBox*>(QStringLiteral("demoEntry"));
  ASSERT_EQ(entry->count(), 2);
  entry->setCurrentIndex(1);
  QAction* next = actionWithKey(page, QKeySequence(Qt::ALT | Qt::Key_Down));
  QAction* previous = actionWithKey(page, QKeySequence(Qt::ALT | Qt::Key_Up));
  ASSERT_TRUE(next && previous);
  EXPECT_FALSE(previous->isEnabled());

  QSignalSpy ready(&page, &AuditionPage::comparisonReady);
  next->trigger();
  ASSERT_TRUE(ready.wait(20000));
  EXPECT_EQ(page.roleOf(0), QStringLiteral("Step 0"));
  EXPECT_EQ(page.roleOf(1), QStringLiteral("Step 500"));
  EXPECT_EQ(entry->currentIndex(), 1);
  EXPECT_FALSE(next->isEnabled());
  previous->trigger();
  ASSERT_TRUE(ready.wait(20000));
  EXPECT_EQ(page.roleOf(1), QStringLiteral("Step 250"));
  EXPECT_EQ(entry->currentIndex(), 1);
}

TEST(AuditionPage, RunFolder_PromptsComeFromItsDatasetCaptionsThenDemoPrompts) {
  sa3::test::TempDir root;
  const QDir dir(QString::fromStdString(root.path().string()));
  for (const char* sub : {"run", "data", "other"}) dir.mkpath(QString::fromLatin1(sub));
  sa3::test::write_text(root.path() / "data" / "b.txt", "second caption\n");
  sa3::test::write_text(root.path() / "data" / "a.txt", "first   caption");
  sa3::test::write_text(root.path() / "other" / "x.txt", "a caption of another dataset");
  const QJsonObject job{{QStringLiteral("model"), QStringLiteral("small-sfx-base")},
                        {QStringLiteral("audio_data_url"), dir.filePath(QStringLiteral("data"))},
                        {QStringLiteral("studio"),
                         QJsonObject{{QStringLiteral("demo_prompts"), QJsonArray{QStringLiteral("a demo prompt")}}}}};
  sa3::test::write_text(root.path() / "run" / "job.json", QJsonDocument(job).toJson().toStdString());
  sa3::ui::StudioSettings::setLastDatasetFolder(dir.filePath(QStringLiteral("other")));

  AuditionPage page;
  QSignalSpy scanned(&page, &AuditionPage::demosScanned);
  page.setRunFolder(dir.filePath(QStringLiteral("run")));
  ASSERT_TRUE(scanned.wait(10000));
  EXPECT_EQ(page.prompts(),
            (QStringList{QStringLiteral("first caption"), QStringLiteral("second caption"), QStringLiteral("a demo prompt")}));
  EXPECT_EQ(page.settings().prompt, QStringLiteral("first caption"));
  EXPECT_EQ(page.settings().model, QStringLiteral("small-sfx"));
}

TEST(AuditionPage, AnotherRun_ItsLoraFollowsUnlessOneWasChosenByHand) {
  sa3::test::TempDir root;
  const QDir dir(QString::fromStdString(root.path().string()));
  for (const char* run : {"one", "two"}) {
    dir.mkpath(QString::fromLatin1(run));
    sa3::test::write_text(root.path() / run / "lora.safetensors", "weights");
  }
  sa3::test::write_text(root.path() / "mine.safetensors", "weights");
  AuditionPage page;
  page.setRunFolder(dir.filePath(QStringLiteral("one")));
  page.setRunFolder(dir.filePath(QStringLiteral("two")));
  EXPECT_EQ(page.settings().loraFile, dir.filePath(QStringLiteral("two/lora.safetensors")));
  page.findChild<QLineEdit*>(QStringLiteral("loraFile"))->setText(dir.filePath(QStringLiteral("mine.safetensors")));
  page.setRunFolder(dir.filePath(QStringLiteral("one")));
  EXPECT_EQ(page.settings().loraFile, dir.filePath(QStringLiteral("mine.safetensors")));
}

TEST(DemoIndex, BaselineFor_FindsSameFileAtStepZero) {
  sa3::test::TempDir run;
  const QString runDir = QString::fromStdString(run.path().string());
  writeDemoStep(runDir, 0, true);
  writeDemoStep(runDir, 250, true);
  const auto steps = sa3::ui::scanDemos(runDir);
  ASSERT_EQ(steps.size(), 2);
  const auto* base = sa3::ui::baselineFor(steps, steps[1].entries[0]);
  ASSERT_NE(base, nullptr);
  EXPECT_TRUE(base->file.contains(QStringLiteral("step-000000/0-7.wav")));
}

TEST(AuditionPage, Generate_RendersBaseAndLoraWithSameSeedAndSaves) {
  sa3::test::TempDir run;
  const QString runDir = QString::fromStdString(run.path().string());
  std::mutex mutex;
  std::vector<sa3::GenerateSettings> calls;
  AuditionPage page;
  page.setRenderFunction([&](const sa3::ModelSelection& model, const sa3::GenerateSettings& s,
                             sa3::JobControl& job) -> sa3::Result<sa3::AudioBuffer> {
    EXPECT_EQ(model.model, "small-music");
    job.progress(1, 1, "step");
    const std::lock_guard lock(mutex);
    calls.push_back(s);
    return sine(s.loras.empty() ? 0.2 : 0.2 + 0.2 * s.loras[0].strength, 440, s.seconds);
  });
  page.setRunFolder(runDir);
  page.setPrompt(QStringLiteral("bright marimba loop"));
  QSignalSpy saved(&page, &AuditionPage::rendersSaved);
  page.generate();
  ASSERT_TRUE(saved.wait(30000));
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_TRUE(calls[0].loras.empty());
  ASSERT_EQ(calls[1].loras.size(), 1u);
  EXPECT_EQ(calls[0].seed, calls[1].seed);
  EXPECT_EQ(calls[0].prompt, "bright marimba loop");
  EXPECT_EQ(calls[1].prompt, calls[0].prompt);
  EXPECT_EQ(calls[1].loras[0].path, toFsPath(QDir(runDir).filePath(QStringLiteral("lora.safetensors"))));
  EXPECT_DOUBLE_EQ(calls[1].loras[0].strength, 1.0);
  EXPECT_EQ(QDir(QDir(runDir).filePath(QStringLiteral("renders"))).entryList(QDir::Files).size(), 4);
}

}  // namespace
