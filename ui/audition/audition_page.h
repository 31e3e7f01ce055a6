// SPDX-License-Identifier: GPL-3.0-or-later
// AuditionPage: renders a prompt with the base model and with a run's LoRA (same seed, same
// noise), shows both as waveform + spectrogram, and compares them on one loudness-matched A/B
// transport, optionally blind. Renders are saved under <run>/renders/; the run's validation
// demos can be compared against the step-0 baseline on the same transport.
// Threading: rendering, decoding, loudness, spectrograms and file writes run on BackgroundTasks;
//   the destructor cancels and waits for them.
#pragma once

#include <QList>
#include <QTemporaryDir>
#include <QWidget>
#include <array>
#include <memory>

#include "ui/audition/audition_settings.h"
#include "ui/audition/comparison_pair.h"
#include "ui/audition/demo_index.h"
#include "ui/audition/render_function.h"

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSlider;
class QSpinBox;

namespace sa3::ui {

class ABPlayer;
class BackgroundTask;
class SpectrogramView;
class WaveformView;

class AuditionPage : public QWidget {
  Q_OBJECT
 public:
  explicit AuditionPage(QWidget* parent = nullptr);
  ~AuditionPage() override;

  // Without one, Generate stays disabled (and says why); demos can still be compared.
  void setRenderFunction(RenderFunction render);
  void addToMenu(QMenu* menu);

  AuditionSettings settings() const;
  void setRunFolder(const QString& folder);
  void setPrompt(const QString& prompt);

  // Shows a base/LoRA pair rendered with `settings`, exactly as Generate does when both renders
  // are done (tests inject renders here). Emits comparisonReady() when playable.
  void showRenders(const AuditionSettings& settings, sa3::AudioBuffer base, sa3::AudioBuffer lora);
  // Saves the pair shown by showRenders/Generate into <run>/renders/; emits rendersSaved().
  void saveRenders();
  // Writes the audible side's samples, as rendered, to `path` (format from the extension).
  void exportAudible(const QString& path);
  // Compares demo `entry` of a step with the same prompt and seed at step 0.
  void compareDemo(const DemoEntry& entry, qint64 step);
  // Moves the demos browser `delta` steps on (keeping the prompt and seed) and compares.
  void stepDemo(int delta);
  // Re-reads the run folder: demos written since, captions, the model it was trained on.
  void reloadRun();

  ABPlayer* player() const { return m_player; }
  const QList<DemoStep>& demos() const { return m_demos; }
  QStringList prompts() const;
  // The text above side 0 (A) or 1 (B); in blind mode it names no role until revealed.
  QString sideLabel(int side) const;
  bool isBlind() const { return m_blind; }
  bool isRevealed() const { return !m_blind || m_revealed; }
  // Which render plays on A/B: the role shown after reveal.
  QString roleOf(int side) const;
  QString guessResult() const;

 public slots:
  void generate();
  void setBlind(bool blind);
  // The user's blind guess: `side` (0 = A, 1 = B) is the tuned render (LoRA / later step).
  void guess(int side);
  void reveal();

 signals:
  void comparisonReady();
  void rendersSaved(const QStringList& wavFiles);
  void demosScanned();
  void statusMessage(const QString& message);

 protected:
  // Coming back to the page picks up demos the trainer wrote meanwhile.
  void showEvent(QShowEvent* event) override;

 private:
  void buildActions();
  QWidget* buildSettingsPanel();
  QWidget* buildDemosPanel();
  QWidget* buildComparisonPanel();
  void showComparison(ComparisonSide a, ComparisonSide b);
  void setPair(ComparisonPair pair);
  void applyOrder();
  void refreshLabels();
  void refreshDemoEntries();
  void compareSelectedDemo();
  void refreshDemosNote();
  const DemoStep* selectedDemoStep() const;
  void refreshActions();
  void updatePosition(qint64 ms);
  void report(const QString& message);

  RenderFunction m_render;
  QTemporaryDir m_playbackDir;
  int m_serial = 0;

  // The pair on the transport; m_order[slot] is the pair side playing as A (0) or B (1).
  std::shared_ptr<const ComparisonPair> m_pair;
  std::array<int, 2> m_order{0, 1};
  bool m_blind = false;
  bool m_revealed = false;
  int m_guess = -1;
  // The last base/LoRA renders (what saveRenders writes) and their settings.
  std::shared_ptr<const std::array<sa3::AudioBuffer, 2>> m_renders;
  AuditionSettings m_renderSettings;
  QList<DemoStep> m_demos;
  QString m_scannedRun;
  QString m_runLora;  // the LoRA field as setRunFolder filled it in
  // The last failure reported, shown under Generate until the next render or another LoRA.
  QString m_problem;
  QStringList m_captions;

  BackgroundTask* m_renderTask;
  BackgroundTask* m_prepareTask;
  BackgroundTask* m_fileTask;
  BackgroundTask* m_scanTask;
  ABPlayer* m_player;

  QComboBox* m_model;
  QLabel* m_modelsFolder;
  QLineEdit* m_runFolder;
  QLineEdit* m_lora;
  QComboBox* m_prompt;
  QDoubleSpinBox* m_seconds;
  QSpinBox* m_seed;
  QSpinBox* m_steps;
  QDoubleSpinBox* m_strength;
  QLabel* m_generateNote;
  QComboBox* m_demoStep;
  QComboBox* m_demoEntry;
  QLabel* m_demosNote;
  std::array<QLabel*, 2> m_sideLabels{};
  std::array<WaveformView*, 2> m_waveforms{};
  std::array<SpectrogramView*, 2> m_spectrograms{};
  QSlider* m_positionSlider;
  QLabel* m_time;
  QLabel* m_loudnessNote;
  QLabel* m_guessLabel;

  QAction* m_generateAction;
  QAction* m_cancelAction;
  QAction* m_playAction;
  QAction* m_stopAction;
  QAction* m_sideAAction;
  QAction* m_sideBAction;
  QAction* m_toggleSideAction;
  QAction* m_blindAction;
  QAction* m_guessAAction;
  QAction* m_guessBAction;
  QAction* m_revealAction;
  QAction* m_saveAction;
  QAction* m_exportAction;
  QAction* m_chooseRunAction;
  QAction* m_chooseLoraAction;
  QAction* m_randomSeedAction;
  QAction* m_compareDemoAction;
  QAction* m_nextDemoAction;
  QAction* m_previousDemoAction;
  QAction* m_reloadRunAction;
};

}  // namespace sa3::ui
