// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetLoader: scan, then QC only the clips without a QC result.
#include "ui/dataset/dataset_loader.h"

#include <QStringList>
#include <map>
#include <memory>

#include "ui/logging_categories.h"

namespace sa3::ui {
namespace {
// The QC of a clip known from before is kept when size and length still match; a changed
// file almost always changes one of them, and a wrong guess only shows stale loudness.
void reuseKnownQc(std::vector<sa3::Clip>& clips, const std::vector<sa3::Clip>& known) {
  std::map<std::string, const sa3::Clip*> byId;
  for (const sa3::Clip& k : known) byId.emplace(k.id, &k);
  for (sa3::Clip& c : clips) {
    auto it = byId.find(c.id);
    if (it != byId.end() && it->second->qc && it->second->file_size == c.file_size && it->second->frames == c.frames)
      c.qc = it->second->qc;
  }
}
}  // namespace

DatasetLoader::DatasetLoader(QObject* parent) : QObject(parent), m_task(new BackgroundTask(lcDataset, this)) {}

void DatasetLoader::open(const QString& folder, const std::vector<sa3::Clip>& known) {
  const std::filesystem::path root = folder.toStdString();
  qCInfo(lcDataset).noquote() << "opening dataset" << folder;
  m_task->start(tr("Scanning %1").arg(folder), [this, root, known](sa3::JobControl& job, const BackgroundTask::Post& post) {
    auto scan = sa3::scan_dataset(root, job);
    if (!scan) {
      if (!scan.error().cancelled())
        post([this, message = QString::fromStdString(scan.error().message)] { emit failed(message); });
      return;
    }
    auto state = sa3::load_dataset_state(scan->root);
    if (!state)
      post([this, message = QString::fromStdString(state.error().message)] { emit stateProblem(message); });
    reuseKnownQc(scan->clips, known);
    auto shared = std::make_shared<const sa3::DatasetScan>(*scan);
    auto sharedState = std::make_shared<const sa3::DatasetState>(state ? *state : sa3::DatasetState{});
    post([this, shared, sharedState] { emit loaded(*shared, *sharedState); });
    post([this] { m_task->setTitle(tr("Analysing audio")); });

    std::vector<sa3::Clip> pending;
    QStringList ids;  // read by the callback while core owns `pending`
    for (const sa3::Clip& c : scan->clips)
      if (!c.qc) {
        pending.push_back(c);
        ids << QString::fromStdString(c.id);
      }
    const int count = static_cast<int>(pending.size());
    const sa3::Status status = sa3::analyse_clips(pending, {}, job, [&](size_t i, const sa3::ClipQc& qc) {
      post([this, id = ids.at(static_cast<qsizetype>(i)), qc] { emit clipAnalysed(id, qc); });
    });
    if (status)
      post([this, count] { emit analysisFinished(count); });
    else if (!status.error().cancelled())
      post([this, message = QString::fromStdString(status.error().message)] { emit failed(message); });
  });
}

}  // namespace sa3::ui
