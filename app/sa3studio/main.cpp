// SPDX-License-Identifier: GPL-3.0-or-later
// sa3studio: builds the main window with its pages and runs the event loop.
#include <QApplication>
#include <QCommandLineParser>

#include "sa3/version.h"
#include "ui/main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("sa3studio"));
  QApplication::setOrganizationName(QStringLiteral("sa3studio"));
  QApplication::setApplicationDisplayName(QStringLiteral("SA3 Studio"));
  QApplication::setApplicationVersion(QString::fromLatin1(sa3::kVersion));

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "Stable Audio 3 LoRA training studio"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.process(app);

  sa3::ui::MainWindow window;
  window.show();
  return app.exec();
}
