// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's main window: a page list on the left, the current page on the right, and the
// menus. It only hosts pages; each page owns its own actions and work.
#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace sa3::ui {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

  // Adds a page to the sidebar; the window takes ownership. Returns the page's index.
  int addPage(const QString& title, const QIcon& icon, QWidget* page);
  void showPage(int index);
  QMenu* fileMenu() const { return m_fileMenu; }
  QMenu* editMenu() const { return m_editMenu; }
  QMenu* viewMenu() const { return m_viewMenu; }

 private:
  void createMenus();
  void showAbout();

  QListWidget* m_pageList = nullptr;
  QStackedWidget* m_pages = nullptr;
  QMenu* m_fileMenu = nullptr;
  QMenu* m_editMenu = nullptr;
  QMenu* m_viewMenu = nullptr;
  QMenu* m_helpMenu = nullptr;
};

}  // namespace sa3::ui
