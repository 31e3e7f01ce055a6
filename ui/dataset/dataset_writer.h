// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetWriter: autosaves what the user edits: captions (each to its sibling .txt) and the
// dataset's side state (.sa3studio/dataset.json), through core's atomic writes.
//
// Edits are collected and written at most kDelayMs after the first one (so ≤ 1 s after a key
// press), on one background thread in edit order, so a slow disk never stalls typing.
// Lifecycle: flush() writes everything pending and waits; the destructor and a model reset
//   (another dataset opened) flush, so no edit is ever dropped.
// Errors: a failed write keeps the edit pending (retried with the next edit or flush) and is
//   reported through saveFailed() with core's message naming the file.
#pragma once

#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

namespace sa3::ui {

class ClipTableModel;

class DatasetWriter : public QObject {
  Q_OBJECT
 public:
  explicit DatasetWriter(ClipTableModel* model, QObject* parent = nullptr);
  ~DatasetWriter() override;

  static constexpr int kDelayMs = 400;

  void flush();
  bool hasPending() const { return !m_dirtyCaptions.isEmpty() || m_dirtyState; }

 signals:
  void saved(int files);
  void saveFailed(const QString& message);

 private:
  void writePending();

  ClipTableModel* m_model;
  QThreadPool m_pool;
  QTimer m_timer;
  QSet<QString> m_dirtyCaptions;
  bool m_dirtyState = false;
};

}  // namespace sa3::ui
