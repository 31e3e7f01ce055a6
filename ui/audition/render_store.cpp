// SPDX-License-Identifier: GPL-3.0-or-later
// saveRenders: wav + settings JSON pairs under <run>/renders/.
#include "ui/audition/render_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace sa3::ui {
namespace {

QString freeStem(const QDir& dir, const QString& stem) {
  QString candidate = stem;
  for (int n = 2; QFileInfo::exists(dir.filePath(candidate + QStringLiteral("-base.wav"))); ++n)
    candidate = QStringLiteral("%1-%2").arg(stem).arg(n);
  return candidate;
}

void writeJson(const QString& path, const QJsonObject& object) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 || !file.commit())
    sa3::throw_environment(
        QCoreApplication::translate("sa3::ui::RenderStore", "%1: cannot write (%2)").arg(path, file.errorString()).toStdString());
}

void saveOne(const QDir& dir, const QString& stem, const AuditionSettings& settings, bool withLora,
             const sa3::AudioBuffer& audio, const QDateTime& when) {
  const QString wav = dir.filePath(stem + QStringLiteral(".wav"));
  const sa3::Status written = sa3::write_audio(toFsPath(wav), audio);
  if (!written) throw sa3::Error(written.error().kind, written.error().message);
  QJsonObject json = settings.toJson(withLora);
  json.insert(QStringLiteral("file"), QFileInfo(wav).fileName());
  json.insert(QStringLiteral("time"), when.toUTC().toString(Qt::ISODate));
  writeJson(dir.filePath(stem + QStringLiteral(".json")), json);
}

}  // namespace

sa3::Result<QStringList> saveRenders(const AuditionSettings& settings, const sa3::AudioBuffer& base,
                                     const sa3::AudioBuffer& lora, const QDateTime& when) {
  return sa3::capture([&] {
    if (settings.runFolder.isEmpty())
      sa3::throw_invalid(
          QCoreApplication::translate("sa3::ui::RenderStore", "Renders: no run folder chosen to save them in.").toStdString());
    const QDir dir(QDir(settings.runFolder).filePath(QStringLiteral("renders")));
    if (!dir.mkpath(QStringLiteral(".")))
      sa3::throw_environment(
          QCoreApplication::translate("sa3::ui::RenderStore", "%1: cannot create the folder").arg(dir.path()).toStdString());
    const QString stem =
        freeStem(dir, QStringLiteral("%1-seed%2").arg(when.toString(QStringLiteral("yyyyMMdd-HHmmss"))).arg(settings.seed));
    saveOne(dir, stem + QStringLiteral("-base"), settings, false, base, when);
    saveOne(dir, stem + QStringLiteral("-lora"), settings, true, lora, when);
    return QStringList{dir.filePath(stem + QStringLiteral("-base.wav")), dir.filePath(stem + QStringLiteral("-lora.wav"))};
  });
}

}  // namespace sa3::ui
