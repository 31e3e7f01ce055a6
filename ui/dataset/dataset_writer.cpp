// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetWriter: debounced, ordered, atomic saving of captions and side state.
#include "ui/dataset/dataset_writer.h"

#include <QtConcurrent/QtConcurrentRun>
#include <vector>

#include "sa3/dataset.h"
#include "ui/dataset/clip_table_model.h"
#include "ui/logging_categories.h"

namespace sa3::ui {
namespace {
struct PendingCaption {
  QString id;
  sa3::Clip clip;
  std::string text;
};
}  // namespace

DatasetWriter::DatasetWriter(ClipTableModel* model, QObject* parent) : QObject(parent), m_model(model) {
  m_pool.setMaxThreadCount(1);  // one writer thread keeps writes to one file in edit order
  m_timer.setSingleShot(true);
  m_timer.setInterval(kDelayMs);
  connect(&m_timer, &QTimer::timeout, this, &DatasetWriter::writePending);
  connect(model, &ClipTableModel::captionEdited, this, [this](const QString& id) {
    m_dirtyCaptions.insert(id);
    // Not restarted on every key: continuous typing still saves every kDelayMs.
    if (!m_timer.isActive()) m_timer.start();
  });
  connect(model, &ClipTableModel::stateEdited, this, [this] {
    m_dirtyState = true;
    if (!m_timer.isActive()) m_timer.start();
  });
  connect(model, &ClipTableModel::modelAboutToBeReset, this, &DatasetWriter::flush);
}

DatasetWriter::~DatasetWriter() { flush(); }

void DatasetWriter::flush() {
  writePending();
  m_pool.waitForDone();
}

void DatasetWriter::writePending() {
  m_timer.stop();
  if (!hasPending() || !m_model->hasDataset()) return;
  std::vector<PendingCaption> captions;
  for (const QString& id : std::as_const(m_dirtyCaptions)) {
    const int row = m_model->rowOfId(id);
    if (row >= 0) captions.push_back({id, m_model->clip(row), m_model->clip(row).caption});
  }
  std::optional<sa3::DatasetState> state;
  if (m_dirtyState) state = m_model->state();
  m_dirtyCaptions.clear();
  m_dirtyState = false;
  const std::filesystem::path root = m_model->root();

  (void)QtConcurrent::run(&m_pool, [this, captions = std::move(captions), state, root] {
    QStringList failedIds;
    QStringList messages;
    int written = 0;
    for (const PendingCaption& p : captions) {
      const sa3::Status status = sa3::save_caption(p.clip, p.text);
      if (status) {
        ++written;
      } else {
        failedIds << p.id;
        messages << QString::fromStdString(status.error().message);
      }
    }
    bool stateFailed = false;
    if (state) {
      const sa3::Status status = sa3::save_dataset_state(root, *state);
      stateFailed = !status;
      if (status)
        ++written;
      else
        messages << QString::fromStdString(status.error().message);
    }
    QMetaObject::invokeMethod(this, [this, failedIds, messages, stateFailed, written] {
      for (const QString& id : failedIds) m_dirtyCaptions.insert(id);
      m_dirtyState |= stateFailed;
      if (written > 0) emit saved(written);
      if (!messages.isEmpty()) {
        qCWarning(lcDataset).noquote() << "autosave failed:" << messages.join(QStringLiteral("; "));
        emit saveFailed(messages.join(QLatin1Char('\n')));
      }
    }, Qt::QueuedConnection);
  });
}

}  // namespace sa3::ui
