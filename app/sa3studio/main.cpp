// SPDX-License-Identifier: GPL-3.0-or-later
// sa3studio: builds the main window with its pages and runs the event loop.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStatusBar>

#include "sa3/version.h"
#include "sa3/openmp_wait.h"
#include "ui/audition/audition_page.h"
#include "ui/audition/generator_render_function.h"
#include "ui/dataset/dataset_page.h"
#include "ui/main_window.h"
#include "ui/models/models_page.h"
#include "ui/runs/runs_page.h"
#include "ui/settings/studio_settings.h"
#include "ui/studio_resources.h"
#include "ui/training/studio_training_backends.h"
#include "ui/training/training_page.h"

int main(int argc, char** argv) {
  sa3::use_passive_openmp_wait(argv);
  // Debug output of the studio's categories is opt-in (QT_LOGGING_RULES overrides this).
  QLoggingCategory::setFilterRules(QStringLiteral("sa3.*.debug=false"));
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("sa3studio"));
  QApplication::setOrganizationName(QStringLiteral("sa3studio"));
  QApplication::setApplicationDisplayName(QStringLiteral("SA3 Studio"));
  QApplication::setApplicationVersion(QString::fromLatin1(sa3::kVersion));
  QApplication::setDesktopFileName(QStringLiteral("io.github.sa3studio.SA3Studio"));
  sa3::ui::installStudioTranslation(app);

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "Stable Audio 3 LoRA training studio"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("folder"),
                               QApplication::translate("main", "Dataset folder to open (optional)."),
                               QStringLiteral("[folder]"));
  parser.process(app);

  sa3::ui::MainWindow window;
  auto* dataset = new sa3::ui::DatasetPage;
  const int datasetIndex = window.addPage(QApplication::translate("main", "Dataset"),
                                          QIcon(QStringLiteral(":/icons/page-dataset.svg")), dataset);
  dataset->addToMenus(window.fileMenu(), window.editMenu(),
                      window.addMenu(QApplication::translate("main", "&Dataset")));
  QObject::connect(&window, &sa3::ui::MainWindow::pathsDropped, dataset, [&](const QStringList& paths) {
    window.showPage(datasetIndex);
    dataset->openPaths(paths);
  });
  QObject::connect(dataset, &sa3::ui::DatasetPage::statusMessage, window.statusBar(), &QStatusBar::showMessage);
  QObject::connect(dataset, &sa3::ui::DatasetPage::datasetChanged, &window,
                   [&](const QString& folder) { window.setWindowTitle(QDir(folder).dirName()); });

  auto* training = new sa3::ui::TrainingPage(window.secretStore());
  training->setBackendFactory(sa3::ui::makeStudioTrainingBackends(window.secretStore()));
  const int trainingIndex = window.addPage(QApplication::translate("main", "Training"),
                                           QIcon(QStringLiteral(":/icons/page-training.svg")), training);
  training->addToMenu(window.addMenu(QApplication::translate("main", "&Training")));
  QObject::connect(training, &sa3::ui::TrainingPage::statusMessage, window.statusBar(), &QStatusBar::showMessage);
  QObject::connect(dataset, &sa3::ui::DatasetPage::datasetChanged, training,
                   [dataset, training](const QString& folder) { training->setDataset(folder, dataset->longestClipS()); });

  auto* runs = new sa3::ui::RunsPage;
  window.addPage(QApplication::translate("main", "Runs"), QIcon(QStringLiteral(":/icons/page-runs.svg")), runs);
  runs->addToMenu(window.addMenu(QApplication::translate("main", "&Runs")));
  QObject::connect(runs, &sa3::ui::RunsPage::resumeRequested, training, [&window, training, trainingIndex](const QString& run) {
    if (training->reattachRun(run)) window.showPage(trainingIndex);
  });
  QObject::connect(training, &sa3::ui::TrainingPage::runStarted, runs, &sa3::ui::RunsPage::refresh);
  QObject::connect(training, &sa3::ui::TrainingPage::runEnded, runs, &sa3::ui::RunsPage::refresh);
  auto* audition = new sa3::ui::AuditionPage;
  audition->setRenderFunction(sa3::ui::makeGeneratorRenderFunction());
  window.addPage(QApplication::translate("main", "Audition"), QIcon(QStringLiteral(":/icons/page-audition.svg")), audition);
  audition->addToMenu(window.addMenu(QApplication::translate("main", "&Audition")));
  // The run that just trained is the one the user wants to hear next.
  QObject::connect(training, &sa3::ui::TrainingPage::runEnded, audition, [audition](const QString& run) {
    if (QFileInfo::exists(QDir(run).filePath(QStringLiteral("lora.safetensors")))) audition->setRunFolder(run);
  });
  QObject::connect(audition, &sa3::ui::AuditionPage::statusMessage, window.statusBar(),
                   [&window](const QString& message) { window.statusBar()->showMessage(message); });
  auto* models = new sa3::ui::ModelsPage(window.secretStore());
  window.addPage(QApplication::translate("main", "Models"), QIcon(QStringLiteral(":/icons/page-models.svg")), models);
  models->addToMenu(window.addMenu(QApplication::translate("main", "&Models")));
  QObject::connect(models, &sa3::ui::ModelsPage::settingsRequested, &window, &sa3::ui::MainWindow::showSettings);

  // A folder on the command line, else the dataset open when the studio last closed.
  if (!parser.positionalArguments().isEmpty())
    dataset->openPaths({QDir::current().absoluteFilePath(parser.positionalArguments().constFirst())});
  else if (const QString last = sa3::ui::StudioSettings::lastDatasetFolder(); !last.isEmpty() && QDir(last).exists())
    dataset->openFolder(last);
  window.show();
  return app.exec();
}
