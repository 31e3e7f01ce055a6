// SPDX-License-Identifier: GPL-3.0-or-later
// The studio shell: sidebar of pages, menus with shortcuts, about box.
#include "ui/main_window.h"

#include <QApplication>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

#include "sa3/version.h"

namespace sa3::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("SA3 Studio"));
  auto* splitter = new QSplitter(this);
  m_pageList = new QListWidget(splitter);
  m_pageList->setMaximumWidth(180);
  m_pageList->setIconSize(QSize(24, 24));
  m_pages = new QStackedWidget(splitter);
  splitter->setStretchFactor(1, 1);
  setCentralWidget(splitter);
  connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
  createMenus();
  statusBar()->showMessage(tr("Ready"));
  resize(1200, 760);
}

int MainWindow::addPage(const QString& title, const QIcon& icon, QWidget* page) {
  const int index = m_pages->addWidget(page);
  new QListWidgetItem(icon, title, m_pageList);
  // Ctrl+1..9 switch pages, like browser tabs.
  auto* action = m_viewMenu->addAction(title, this, [this, index] { showPage(index); });
  if (index < 9) action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
  if (m_pageList->currentRow() < 0) showPage(index);
  return index;
}

void MainWindow::showPage(int index) { m_pageList->setCurrentRow(index); }

void MainWindow::createMenus() {
  m_fileMenu = menuBar()->addMenu(tr("&File"));
  m_editMenu = menuBar()->addMenu(tr("&Edit"));
  m_viewMenu = menuBar()->addMenu(tr("&View"));
  m_helpMenu = menuBar()->addMenu(tr("&Help"));
  m_fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  m_helpMenu->addAction(tr("&About SA3 Studio"), QKeySequence(Qt::Key_F1), this, &MainWindow::showAbout);
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About SA3 Studio"),
                     tr("<h3>SA3 Studio %1</h3>"
                        "<p>Curate audio, train Stable Audio 3 LoRAs locally or on fal, "
                        "and audition them against the base model.</p>")
                         .arg(QString::fromLatin1(sa3::kVersion)));
}

}  // namespace sa3::ui
