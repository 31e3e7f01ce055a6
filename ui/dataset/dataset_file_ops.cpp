// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetFileOps: import, export and add-files jobs.
#include "ui/dataset/dataset_file_ops.h"

#include <QFileInfo>
#include <filesystem>
#include <system_error>

#include "ui/logging_categories.h"

namespace sa3::ui {
namespace fs = std::filesystem;

DatasetFileOps::DatasetFileOps(QObject* parent) : QObject(parent), m_task(new BackgroundTask(lcDataset, this)) {}

bool DatasetFileOps::isAudioFile(const QString& path) {
  const std::string suffix = QStringLiteral(".%1").arg(QFileInfo(path).suffix().toLower()).toStdString();
  for (const std::string& ext : sa3::supported_audio_extensions())
    if (ext == suffix) return true;
  return false;
}

void DatasetFileOps::importZip(const QString& zipPath, const QString& destFolder) {
  m_task->start(tr("Importing %1").arg(QFileInfo(zipPath).fileName()),
                [this, zip = fs::path(zipPath.toStdString()), dest = fs::path(destFolder.toStdString()), destFolder](
                    sa3::JobControl& job, const BackgroundTask::Post& post) {
                  auto report = sa3::import_zip(zip, dest, job);
                  if (!report) {
                    if (!report.error().cancelled())
                      post([this, m = QString::fromStdString(report.error().message)] { emit failed(m); });
                    return;
                  }
                  const int written = static_cast<int>(report->written.size());
                  const int skipped = static_cast<int>(report->skipped.size());
                  post([this, written, skipped, destFolder] {
                    QString summary = tr("Imported %n file(s)", nullptr, written);
                    if (skipped > 0) summary += tr("; skipped %n entry(ies) that are neither audio nor captions", nullptr, skipped);
                    emit finished(summary, destFolder);
                  });
                });
}

void DatasetFileOps::exportZip(const std::vector<sa3::Clip>& clips, const sa3::DatasetState& state,
                               const QString& zipPath) {
  m_task->start(tr("Exporting %1").arg(QFileInfo(zipPath).fileName()),
                [this, clips, state, zip = fs::path(zipPath.toStdString()), zipPath](
                    sa3::JobControl& job, const BackgroundTask::Post& post) {
                  auto report = sa3::export_zip(clips, state, zip, job);
                  if (!report) {
                    if (!report.error().cancelled())
                      post([this, m = QString::fromStdString(report.error().message)] { emit failed(m); });
                    return;
                  }
                  const int n = static_cast<int>(report->clips);
                  post([this, n, zipPath] { emit finished(tr("Exported %n clip(s) to %1", nullptr, n).arg(zipPath), {}); });
                });
}

void DatasetFileOps::addFiles(const QStringList& audioFiles, const QString& datasetFolder) {
  m_task->start(tr("Adding files"), [this, audioFiles, datasetFolder](sa3::JobControl& job,
                                                                     const BackgroundTask::Post& post) {
    const fs::path root = datasetFolder.toStdString();
    QStringList refused;
    int copied = 0;
    for (qsizetype i = 0; i < audioFiles.size(); ++i) {
      if (job.cancelled()) break;
      const fs::path source = audioFiles[i].toStdString();
      job.progress(static_cast<double>(i), static_cast<double>(audioFiles.size()), source.filename().string());
      // Copy the audio and its sibling caption; copy_file without overwrite refuses clashes.
      std::error_code error;
      const fs::path target = root / source.filename();
      if (fs::equivalent(source, target, error)) continue;  // already in the dataset
      if (!fs::copy_file(source, target, fs::copy_options::none, error)) {
        refused << QStringLiteral("%1 (%2)").arg(audioFiles[i], QString::fromStdString(error.message()));
        continue;
      }
      ++copied;
      fs::path caption = source;
      caption.replace_extension(".txt");
      fs::path captionTarget = target;
      captionTarget.replace_extension(".txt");
      if (fs::exists(caption, error) && !fs::copy_file(caption, captionTarget, fs::copy_options::none, error))
        refused << QStringLiteral("%1 (%2)").arg(QString::fromStdString(caption.string()),
                                                 QString::fromStdString(error.message()));
    }
    post([this, copied, refused, datasetFolder] {
      if (!refused.isEmpty())
        emit failed(tr("Not copied, a file of that name exists or it could not be read:\n%1").arg(refused.join(QLatin1Char('\n'))));
      emit finished(tr("Added %n clip(s)", nullptr, copied), datasetFolder);
    });
  });
}

}  // namespace sa3::ui
