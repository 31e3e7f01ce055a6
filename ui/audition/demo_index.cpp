// SPDX-License-Identifier: GPL-3.0-or-later
// scanDemos: lists <run>/demos/step-NNNNNN folders and the renders their demo.json names.
#include "ui/audition/demo_index.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

namespace sa3::ui {
namespace {

void readDemoJson(DemoStep& step) {
  QFile file(QDir(step.folder).filePath(QStringLiteral("demo.json")));
  if (!file.open(QIODevice::ReadOnly)) return;
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
  if (!doc.isObject()) return;
  const QDir dir(step.folder);
  for (const QJsonValue& v : doc.object().value(QStringLiteral("files")).toArray()) {
    const QJsonObject o = v.toObject();
    const QString name = o.value(QStringLiteral("file")).toString();
    // A name with a path separator would point outside the step folder.
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))) continue;
    step.entries.append({dir.filePath(name), o.value(QStringLiteral("prompt")).toString(),
                         static_cast<quint64>(o.value(QStringLiteral("seed")).toDouble())});
  }
  step.complete = true;
}

}  // namespace

QList<DemoStep> scanDemos(const QString& runFolder) {
  static const QRegularExpression stepName(QStringLiteral("^step-(\\d{6,})$"));
  QList<DemoStep> steps;
  const QDir demos(QDir(runFolder).filePath(QStringLiteral("demos")));
  for (const QString& name : demos.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
    const auto m = stepName.match(name);
    if (!m.hasMatch()) continue;
    DemoStep step;
    step.step = m.captured(1).toLongLong();
    step.folder = demos.filePath(name);
    readDemoJson(step);
    steps.append(step);
  }
  std::sort(steps.begin(), steps.end(), [](const DemoStep& a, const DemoStep& b) { return a.step < b.step; });
  return steps;
}

const DemoEntry* baselineFor(const QList<DemoStep>& steps, const DemoEntry& entry) {
  const QString name = QFileInfo(entry.file).fileName();
  for (const DemoStep& step : steps) {
    if (step.step != 0 || !step.complete) continue;
    for (const DemoEntry& e : step.entries)
      if (QFileInfo(e.file).fileName() == name) return &e;
  }
  return nullptr;
}

}  // namespace sa3::ui
