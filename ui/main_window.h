// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's main window: a page list on the left, the current page on the right, the
// menus, settings and about box. It only hosts pages; each page owns its own actions and work.
// Files dropped anywhere on the window are handed on through pathsDropped().
#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace sa3::ui {

class SecretStore;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

  // Adds a page to the sidebar; the window takes ownership. Returns the page's index.
  int addPage(const QString& title, const QIcon& icon, QWidget* page);
  void showPage(int index);
  int pageIndex(QWidget* page) const;
  QMenu* fileMenu() const { return m_fileMenu; }
  QMenu* editMenu() const { return m_editMenu; }
  QMenu* viewMenu() const { return m_viewMenu; }
  // A page's own menu, placed before Help.
  QMenu* addMenu(const QString& title);
  SecretStore* secretStore() const { return m_secrets; }
  void showSettings();

 signals:
  void pathsDropped(const QStringList& paths);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void closeEvent(QCloseEvent* event) override;

 private:
  void createMenus();
  void showAbout();

  SecretStore* m_secrets;
  QListWidget* m_pageList = nullptr;
  QStackedWidget* m_pages = nullptr;
  QMenu* m_fileMenu = nullptr;
  QMenu* m_editMenu = nullptr;
  QMenu* m_viewMenu = nullptr;
  QMenu* m_helpMenu = nullptr;
};

}  // namespace sa3::ui
