// SPDX-License-Identifier: GPL-3.0-or-later
// Definitions of the UI's logging categories and the core-to-Qt log bridge.
#include "ui/logging_categories.h"

namespace sa3::ui {

Q_LOGGING_CATEGORY(lcShell, "sa3.ui.shell")
Q_LOGGING_CATEGORY(lcSettings, "sa3.ui.settings")
Q_LOGGING_CATEGORY(lcDataset, "sa3.ui.dataset")
Q_LOGGING_CATEGORY(lcPlayback, "sa3.ui.playback")

void logFromCore(const QLoggingCategory& category, sa3::LogLevel level, const std::string& message) {
  const QString text = QString::fromStdString(message);
  switch (level) {
    case sa3::LogLevel::Info:
      qCInfo(category).noquote() << text;
      break;
    case sa3::LogLevel::Warning:
      qCWarning(category).noquote() << text;
      break;
    case sa3::LogLevel::Error:
      qCCritical(category).noquote() << text;
      break;
  }
}

}  // namespace sa3::ui
