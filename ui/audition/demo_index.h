// SPDX-License-Identifier: GPL-3.0-or-later
// The validation demos of a run (contracts.md: <run>/demos/step-NNNNNN/<prompt>-<seed>.wav +
// demo.json, written last, so a folder without it is incomplete and not offered).
// Threading: reads a folder and small JSON files; call it off the GUI thread.
#pragma once

#include <QList>
#include <QString>


namespace sa3::ui {

struct DemoEntry {
  QString file;  // absolute path of the wav
  QString prompt;
  quint64 seed = 0;
};

struct DemoStep {
  qint64 step = 0;
  QString folder;
  bool complete = false;  // demo.json exists and parses
  QList<DemoEntry> entries;
};

// Every step-NNNNNN folder under <run>/demos, in step order. A run without demos gives an empty
// list; an unreadable demo.json marks its step incomplete rather than failing the whole list.
QList<DemoStep> scanDemos(const QString& runFolder);

// The step-0 render with the same file name as `entry`, if the baseline exists.
const DemoEntry* baselineFor(const QList<DemoStep>& steps, const DemoEntry& entry);

}  // namespace sa3::ui
