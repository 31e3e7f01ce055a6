// SPDX-License-Identifier: GPL-3.0-or-later
// AuditionSettings: conversions to the generate facade and to the saved settings JSON.
#include "ui/audition/audition_settings.h"

#include <QFile>

namespace sa3::ui {

std::filesystem::path toFsPath(const QString& path) { return {QFile::encodeName(path).toStdString()}; }
QString fromFsPath(const std::filesystem::path& path) { return QFile::decodeName(path.string().c_str()); }

sa3::ModelSelection AuditionSettings::selection() const {
  sa3::ModelSelection s;
  s.models_dir = toFsPath(modelsFolder);
  s.model = model.toStdString();
  return s;
}

sa3::GenerateSettings AuditionSettings::generateSettings(bool withLora) const {
  sa3::GenerateSettings s;
  s.prompt = prompt.toStdString();
  s.seconds = seconds;
  s.seed = seed;
  s.steps = steps;
  if (withLora) {
    sa3::LoraUse lora;
    lora.path = toFsPath(loraFile);
    lora.strength = strength;
    s.loras.push_back(lora);
  }
  return s;
}

QJsonObject AuditionSettings::toJson(bool withLora) const {
  return {
      {QStringLiteral("model"), model},
      {QStringLiteral("prompt"), prompt},
      {QStringLiteral("seconds"), seconds},
      {QStringLiteral("seed"), static_cast<double>(seed)},
      {QStringLiteral("steps"), steps},
      {QStringLiteral("lora"), withLora ? QJsonValue(loraFile) : QJsonValue(QJsonValue::Null)},
      {QStringLiteral("strength"), withLora ? QJsonValue(strength) : QJsonValue(QJsonValue::Null)},
  };
}

}  // namespace sa3::ui
