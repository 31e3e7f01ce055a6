// SPDX-License-Identifier: GPL-3.0-or-later
// RunNotifier: tells the user that a run finished or failed while they look elsewhere: a
// desktop notification through the system tray where the desktop has one. notified() carries
// the same text, so the page can also put it in the status bar.
// Lifecycle: the tray icon is created on the first notification and stays while the notifier
//   lives (notifications belong to a visible icon).
// Threading: GUI thread only.
#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace sa3::ui {

class RunNotifier : public QObject {
  Q_OBJECT
 public:
  explicit RunNotifier(QObject* parent = nullptr);

  void notify(const QString& title, const QString& message, bool failed);
  // Whether notify() reaches the desktop (a system tray exists) or only notified().
  static bool desktopAvailable();

 signals:
  void notified(const QString& title, const QString& message, bool failed);

 private:
  QSystemTrayIcon* m_tray = nullptr;
};

}  // namespace sa3::ui
