// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingForm: every field of a training job (fal-ai/stable-audio-3-trainer's input, with
// fal's defaults) as a widget with a tooltip, validated inline by core's validate_job(): a field
// with a problem turns red and its message appears under the form.
// Threading: GUI thread; validation is a pure, fast core call made on every edit.
#pragma once

#include <QMap>
#include <QWidget>
#include <vector>

#include "sa3/job.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace sa3::ui {

class TrainingForm : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingForm(QWidget* parent = nullptr);

  // The job as the form shows it; fields that do not parse (e.g. "1e-x") keep a value that
  // validate_job() rejects, so problems() names them.
  sa3::TrainingJob job() const;
  void setJob(const sa3::TrainingJob& job);
  const std::vector<sa3::JobProblem>& problems() const { return m_problems; }
  // The field widget for a job field name ("rank", "learning_rate"), for tests and focus.
  QWidget* fieldWidget(const QString& field) const { return m_fields.value(field); }
  // Shown next to the duration, e.g. "auto (longest clip: 37.2 s)".
  void setLongestClip(double seconds);
  // Shown as an example in the empty demo prompts box (a caption of the dataset).
  void setExampleCaption(const QString& caption);

 signals:
  void jobChanged();

 private:
  void validate();
  QWidget* addField(const QString& field, QWidget* widget, const QString& tooltip);

  QComboBox* m_model;
  QSpinBox* m_steps;
  QLineEdit* m_learningRate;
  QSpinBox* m_rank;
  QComboBox* m_adapter;
  QCheckBox* m_autoDuration;
  QLineEdit* m_duration;
  QSpinBox* m_batchSize;
  QLineEdit* m_seed;
  QComboBox* m_precision;
  QComboBox* m_scope;
  QPlainTextEdit* m_include;
  QPlainTextEdit* m_exclude;
  QLineEdit* m_checkpoint;
  QCheckBox* m_preEncode;
  QLineEdit* m_triggerWord;
  QSpinBox* m_checkpointEvery;
  QSpinBox* m_demoEvery;
  QPlainTextEdit* m_demoPrompts;
  QLabel* m_problemsLabel;
  QMap<QString, QWidget*> m_fields;
  std::vector<sa3::JobProblem> m_problems;
  // As loaded; fields without a widget (demo seeds, seconds, kept checkpoints) pass through.
  std::optional<sa3::StudioOptions> m_studio;
  std::string m_audioDataUrl;
  bool m_loading = false;
};

}  // namespace sa3::ui
