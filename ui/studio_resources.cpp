// SPDX-License-Identifier: GPL-3.0-or-later
// Resource registration and translation loading.
#include "ui/studio_resources.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include "ui/logging_categories.h"

// Q_INIT_RESOURCE must be used outside any namespace.
static void registerStudioQrc() { Q_INIT_RESOURCE(sa3studio); }

namespace sa3::ui {

void initStudioResources() {
  static const bool registered = [] {
    registerStudioQrc();
    return true;
  }();
  (void)registered;
}

void installStudioTranslation(QCoreApplication& app) {
  initStudioResources();
  // Installed next to the binary's prefix; the build tree's copy serves uninstalled runs.
  const QStringList folders = {QCoreApplication::applicationDirPath() + QStringLiteral("/../share/sa3studio/translations"),
                               QStringLiteral(SA3_BUILD_TRANSLATIONS_DIR)};
  for (const QString& folder : folders) {
    auto* translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("sa3studio"), QStringLiteral("_"), folder)) {
      QCoreApplication::installTranslator(translator);
      qCInfo(lcShell) << "translation loaded for" << QLocale().name() << "from" << folder;
      return;
    }
    delete translator;
  }
}

}  // namespace sa3::ui
