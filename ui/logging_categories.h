// SPDX-License-Identifier: GPL-3.0-or-later
// Qt logging categories, one per UI area, so `QT_LOGGING_RULES="sa3.ui.dataset.debug=true"`
// turns on exactly the part being debugged. Core log sinks are routed here too.
#pragma once

#include <QLoggingCategory>
#include <string>

#include "sa3/job_control.h"

namespace sa3::ui {

Q_DECLARE_LOGGING_CATEGORY(lcShell)     // main window, pages, menus
Q_DECLARE_LOGGING_CATEGORY(lcSettings)  // settings dialog, secret store
Q_DECLARE_LOGGING_CATEGORY(lcDataset)   // dataset page, scanning, caption saving
Q_DECLARE_LOGGING_CATEGORY(lcPlayback)  // clip player and waveform

// Forwards one message of a core JobControl log sink to `category` at the matching level.
void logFromCore(const QLoggingCategory& category, sa3::LogLevel level, const std::string& message);

}  // namespace sa3::ui
