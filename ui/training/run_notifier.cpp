// SPDX-License-Identifier: GPL-3.0-or-later
// RunNotifier: run end messages through QSystemTrayIcon.
#include "ui/training/run_notifier.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace sa3::ui {

RunNotifier::RunNotifier(QObject* parent) : QObject(parent) {}

bool RunNotifier::desktopAvailable() { return QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages(); }

void RunNotifier::notify(const QString& title, const QString& message, bool failed) {
  if (desktopAvailable()) {
    if (!m_tray) {
      m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
      m_tray->setToolTip(QApplication::applicationDisplayName());
    }
    m_tray->show();
    m_tray->showMessage(title, message, failed ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information);
  }
  emit notified(title, message, failed);
}

}  // namespace sa3::ui
