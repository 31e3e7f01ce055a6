// SPDX-License-Identifier: GPL-3.0-or-later
// AuditionSettings: what the Audition page renders with (model, LoRA, prompt, seed, ...), as
// the generate facade's values and as the settings JSON saved beside each render.
#pragma once

#include <QJsonObject>
#include <QString>

#include "sa3/generate.h"

namespace sa3::ui {

struct AuditionSettings {
  QString modelsFolder;
  QString model = QStringLiteral("small-music");  // a post-trained id (contracts.md)
  QString runFolder;                               // where renders are saved; may be empty
  QString loraFile;
  QString prompt;
  double seconds = 10.0;
  quint64 seed = 0;
  int steps = 0;  // 0 = the model's default
  double strength = 1.0;

  sa3::ModelSelection selection() const;
  // The base render leaves `loras` empty; the LoRA render adds one LoraUse. Everything else,
  // the seed included, is identical, so both start from the same noise.
  sa3::GenerateSettings generateSettings(bool withLora) const;
  // The settings of one render, as written to <run>/renders/<name>.json.
  QJsonObject toJson(bool withLora) const;
};

std::filesystem::path toFsPath(const QString& path);
QString fromFsPath(const std::filesystem::path& path);

}  // namespace sa3::ui
