// SPDX-License-Identifier: GPL-3.0-or-later
// The studio shell: sidebar of pages, menus with shortcuts, settings, drops, about box.
#include "ui/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QScreen>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

#include "sa3/version.h"
#include "ui/logging_categories.h"
#include "ui/settings/secret_store.h"
#include "ui/settings/settings_dialog.h"
#include "ui/settings/studio_settings.h"
#include "ui/studio_resources.h"

namespace sa3::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_secrets(new SecretStore(this)) {
  initStudioResources();
  setWindowTitle(tr("SA3 Studio"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/sa3studio.svg")));
  setAcceptDrops(true);
  auto* splitter = new QSplitter(this);
  m_pageList = new QListWidget(splitter);
  m_pageList->setMaximumWidth(160);
  m_pageList->setIconSize(QSize(24, 24));
  m_pageList->setSpacing(2);
  m_pageList->setAccessibleName(tr("Pages"));
  m_pages = new QStackedWidget(splitter);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({140, 1200});
  setCentralWidget(splitter);
  connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
  createMenus();
  statusBar()->showMessage(tr("Ready"));
  if (!restoreGeometry(StudioSettings::windowGeometry())) {
    // First start: most of the screen, without assuming a large one.
    const QSize available = screen() ? screen()->availableSize() : QSize(1360, 860);
    resize(std::min(1360, available.width() * 9 / 10), std::min(860, available.height() * 9 / 10));
  }
  restoreState(StudioSettings::windowState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  StudioSettings::setWindow(saveGeometry(), saveState());
  QMainWindow::closeEvent(event);
}

int MainWindow::addPage(const QString& title, const QIcon& icon, QWidget* page) {
  const int index = m_pages->addWidget(page);
  new QListWidgetItem(icon, title, m_pageList);
  // Ctrl+1..9 switch pages, like browser tabs.
  auto* action = m_viewMenu->addAction(icon, title, this, [this, index] { showPage(index); });
  if (index < 9) action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
  if (m_pageList->currentRow() < 0) showPage(index);
  qCDebug(lcShell) << "page added:" << title;
  return index;
}

void MainWindow::showPage(int index) { m_pageList->setCurrentRow(index); }

int MainWindow::pageIndex(QWidget* page) const { return m_pages->indexOf(page); }

QMenu* MainWindow::addMenu(const QString& title) {
  auto* menu = new QMenu(title, this);
  menuBar()->insertMenu(m_helpMenu->menuAction(), menu);
  return menu;
}

void MainWindow::createMenus() {
  m_fileMenu = menuBar()->addMenu(tr("&File"));
  m_editMenu = menuBar()->addMenu(tr("&Edit"));
  m_viewMenu = menuBar()->addMenu(tr("&View"));
  m_helpMenu = menuBar()->addMenu(tr("&Help"));
  auto* settings = m_fileMenu->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
  // QKeySequence::Preferences is empty on Linux desktops, so name the common binding.
  settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
  settings->setMenuRole(QAction::PreferencesRole);
  m_fileMenu->addSeparator();
  // Not QKeySequence::Quit: it is empty on some platforms (and offscreen).
  m_fileMenu->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), this, &QWidget::close);
  m_helpMenu->addAction(tr("&About SA3 Studio"), QKeySequence(Qt::Key_F1), this, &MainWindow::showAbout);
  m_helpMenu->addAction(tr("About &Qt"), QKeySequence(Qt::CTRL | Qt::Key_F1), qApp, &QApplication::aboutQt);
}

void MainWindow::showSettings() {
  SettingsDialog dialog(m_secrets, this);
  dialog.exec();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  const QList<QUrl> urls = event->mimeData()->urls();
  for (const QUrl& url : urls)
    if (url.isLocalFile()) paths << url.toLocalFile();
  if (paths.isEmpty()) {
    statusBar()->showMessage(tr("Only local files and folders can be dropped here."), 5000);
    return;
  }
  event->acceptProposedAction();
  qCInfo(lcShell) << "dropped" << paths;
  emit pathsDropped(paths);
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About SA3 Studio"),
                     tr("<h3>SA3 Studio %1</h3>"
                        "<p>Curate audio, train Stable Audio 3 LoRAs locally or on fal, "
                        "and audition them against the base model.</p>"
                        "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                         .arg(QString::fromLatin1(sa3::kVersion)));
}

}  // namespace sa3::ui
