// SPDX-License-Identifier: GPL-3.0-or-later
// The studio shell: every menu action has a shortcut, pages switch, drops of local files are
// handed on, and the settings dialog stores the models folder and says when secrets are
// session-only.
#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>
#include <functional>

#include "qt_test_app.h"
#include "ui/dataset/dataset_page.h"
#include "ui/main_window.h"
#include "ui/settings/settings_dialog.h"
#include "ui/settings/studio_settings.h"

namespace sa3::ui {
namespace {

TEST(MainWindow, EveryMenuAction_HasAShortcut) {
  MainWindow window;
  auto* page = new DatasetPage;
  window.addPage(QStringLiteral("Dataset"), QIcon(), page);
  page->addToMenus(window.fileMenu(), window.editMenu(), window.addMenu(QStringLiteral("&Dataset")));
  QStringList missing;
  int checked = 0;
  std::function<void(QMenu*)> visit = [&](QMenu* menu) {
    for (QAction* action : menu->actions()) {
      if (action->isSeparator()) continue;
      if (action->menu()) {
        visit(action->menu());
        continue;
      }
      ++checked;
      if (action->shortcut().isEmpty()) missing << action->text();
    }
  };
  for (QAction* top : window.menuBar()->actions())
    if (top->menu()) visit(top->menu());
  EXPECT_GE(checked, 15);
  EXPECT_TRUE(missing.isEmpty()) << missing.join(QStringLiteral(", ")).toStdString();
}

TEST(MainWindow, AddPage_ShowsFirstPageAndSwitchesWithShortcutAction) {
  MainWindow window;
  auto* first = new QWidget;
  auto* second = new QWidget;
  EXPECT_EQ(window.addPage(QStringLiteral("One"), QIcon(), first), 0);
  EXPECT_EQ(window.addPage(QStringLiteral("Two"), QIcon(), second), 1);
  window.show();
  EXPECT_TRUE(first->isVisible());
  const QList<QAction*> views = window.viewMenu()->actions();
  ASSERT_EQ(views.size(), 2);
  EXPECT_EQ(views[1]->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
  views[1]->trigger();
  EXPECT_TRUE(second->isVisible());
  EXPECT_FALSE(first->isVisible());
}

TEST(MainWindow, DropOfLocalFiles_EmitsTheirPaths_RemoteUrlsAreRefused) {
  MainWindow window;
  window.show();
  QSignalSpy dropped(&window, &MainWindow::pathsDropped);
  // As a drag does: enter, then drop.
  auto drag = [&window](QMimeData& mime) {
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
  };
  QMimeData remote;
  remote.setUrls({QUrl(QStringLiteral("https://example.com/a.wav"))});
  drag(remote);
  EXPECT_EQ(dropped.count(), 0);

  QMimeData local;
  local.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/a.wav")), QUrl::fromLocalFile(QStringLiteral("/tmp/b"))});
  drag(local);
  ASSERT_EQ(dropped.count(), 1);
  EXPECT_EQ(dropped.at(0).at(0).toStringList(), (QStringList{QStringLiteral("/tmp/a.wav"), QStringLiteral("/tmp/b")}));
}

TEST(SettingsDialog, WithoutKeychain_SaysSessionOnly_AndAcceptStoresModelsFolder) {
  const QByteArray savedBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
  qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sa3-test-bus");
  {
    SecretStore store;
    SettingsDialog dialog(&store);
    // The dialog asked for both secrets; without a keychain the store falls back and says so.
    QTRY_VERIFY_WITH_TIMEOUT(store.sessionOnly(), SecretStore::kKeychainTimeoutMs + 3000);
    bool saysSessionOnly = false;
    for (QLabel* label : dialog.findChildren<QLabel*>()) saysSessionOnly |= label->text().contains(QStringLiteral("session only"));
    EXPECT_TRUE(saysSessionOnly);

    QLineEdit* folder = nullptr;
    for (QLineEdit* edit : dialog.findChildren<QLineEdit*>())
      if (edit->text() == StudioSettings::modelsFolder()) folder = edit;
    ASSERT_NE(folder, nullptr);
    folder->setText(QStringLiteral("/data/sa3-models"));
    dialog.accept();
    EXPECT_EQ(StudioSettings::modelsFolder(), QStringLiteral("/data/sa3-models"));
    StudioSettings::setModelsFolder({});
    EXPECT_EQ(StudioSettings::modelsFolder(), StudioSettings::defaultModelsFolder());
  }
  if (savedBus.isEmpty())
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
  else
    qputenv("DBUS_SESSION_BUS_ADDRESS", savedBus);
}

}  // namespace
}  // namespace sa3::ui
