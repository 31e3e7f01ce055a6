// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's resources: icons compiled in from resources/sa3studio.qrc, and translations
// (.qm files from translations/, installed under share/sa3studio/translations).
// A static library's resources must be registered explicitly before first use.
#pragma once

class QCoreApplication;

namespace sa3::ui {

// Registers the icons; idempotent. The main window calls it; tests building pages alone do too.
void initStudioResources();
// Installs the translation for the system locale, when the studio has one.
void installStudioTranslation(QCoreApplication& app);

}  // namespace sa3::ui
