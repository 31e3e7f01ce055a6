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
  auto* translator = new QTranslator(&app);
  // Compiled .qm files are embedded under :/i18n by the build (translations/).
  if (translator->load(QLocale(), QStringLiteral("sa3studio"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
    QCoreApplication::installTranslator(translator);
    qCInfo(lcShell) << "translation loaded for" << QLocale().name();
  } else {
    delete translator;
  }
}

}  // namespace sa3::ui
