// SPDX-License-Identifier: GPL-3.0-or-later
// RunEvent: a progress line (JSON) to its fields.
#include "ui/training/run_event.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace sa3::ui {
namespace {

RunEvent::Kind kindOf(const QString& name) {
  static const QHash<QString, RunEvent::Kind> kinds{
      {QStringLiteral("start"), RunEvent::Kind::Start},       {QStringLiteral("step"), RunEvent::Kind::Step},
      {QStringLiteral("checkpoint"), RunEvent::Kind::Checkpoint}, {QStringLiteral("demo"), RunEvent::Kind::Demo},
      {QStringLiteral("log"), RunEvent::Kind::Log},           {QStringLiteral("queue"), RunEvent::Kind::Queue},
      {QStringLiteral("paused"), RunEvent::Kind::Paused},     {QStringLiteral("resumed"), RunEvent::Kind::Resumed},
      {QStringLiteral("stopped"), RunEvent::Kind::Stopped},   {QStringLiteral("finished"), RunEvent::Kind::Finished},
      {QStringLiteral("failed"), RunEvent::Kind::Failed}};
  return kinds.value(name, RunEvent::Kind::Unknown);
}

std::optional<double> numberAt(const QJsonObject& object, const char* key) {
  const QJsonValue value = object.value(QLatin1String(key));
  if (!value.isDouble()) return std::nullopt;
  return value.toDouble();
}

}  // namespace

RunEvent parseRunEvent(const std::string& line) {
  RunEvent e;
  const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(line));
  if (!doc.isObject()) return e;
  const QJsonObject o = doc.object();
  e.kind = kindOf(o.value(QLatin1String("event")).toString());
  e.time = QDateTime::fromString(o.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
  e.step = static_cast<qint64>(o.value(QLatin1String("step")).toDouble());
  e.totalSteps = static_cast<qint64>(o.value(QLatin1String("total_steps")).toDouble());
  e.loss = numberAt(o, "loss");
  e.secPerStep = numberAt(o, "sec_per_step");
  e.etaS = numberAt(o, "eta_s");
  e.model = o.value(QLatin1String("model")).toString();
  e.device = o.value(QLatin1String("device")).toString();
  e.path = o.value(QLatin1String("path")).toString();
  const QString level = o.value(QLatin1String("level")).toString();
  e.level = level == QLatin1String("warning") ? RunEvent::Level::Warning
            : level == QLatin1String("error") ? RunEvent::Level::Error
                                              : RunEvent::Level::Info;
  // Ends carry their reason as "error" (a remote stop: "cancelled on fal"); logs as "message".
  const bool end = e.kind == RunEvent::Kind::Failed || e.kind == RunEvent::Kind::Stopped;
  e.message = o.value(QLatin1String(end ? "error" : "message")).toString();
  e.queuePosition = o.value(QLatin1String("position")).toInt();
  return e;
}

}  // namespace sa3::ui
