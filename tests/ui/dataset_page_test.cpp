// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests of the Dataset page, offscreen: a folder dropped on the main window is scanned and
// analysed in the background; caption edits autosave to the sibling .txt and undo; a bulk
// prefix is previewed, applied to every .txt and reverted by one undo; excluding a clip only
// touches the side state.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QApplication>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>

#include "qt_test_app.h"
#include "test_support.h"
#include "ui/dataset/bulk_edit_dialog.h"
#include "ui/dataset/caption_editor.h"
#include "ui/dataset/clip_pane.h"
#include "ui/dataset/clip_table_model.h"
#include "ui/dataset/dataset_page.h"
#include "ui/dataset/dataset_writer.h"
#include "ui/dataset/stats_panel.h"
#include "ui/main_window.h"

namespace sa3::ui {
namespace {

using sa3::test::read_text;
using sa3::test::write_text;

constexpr int kScanTimeoutMs = 20000;

class DatasetPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Four clips in two folders (nested folders are part of the dataset), mixed rates.
    std::filesystem::create_directories(dir_ / "drums");
    sa3::test::write_sine_wav(dir_ / "pad.wav", 2.0, 22050, 2, 220);
    sa3::test::write_sine_wav(dir_ / "lead.wav", 1.5, 44100, 1, 660);
    sa3::test::write_sine_wav(dir_ / "drums" / "kick.wav", 1.2, 22050, 1, 60);
    sa3::test::write_sine_wav(dir_ / "drums" / "snare.wav", 1.1, 22050, 1, 180);
    write_text(dir_ / "pad.txt", "warm pad");
    write_text(dir_ / "lead.txt", "bright lead");
    write_text(dir_ / "drums" / "kick.txt", "deep kick");
    write_text(dir_ / "drums" / "snare.txt", "tight snare");

    page_ = new DatasetPage;
    window_.addPage(QStringLiteral("Dataset"), QIcon(), page_);
    QObject::connect(&window_, &MainWindow::pathsDropped, page_, &DatasetPage::openPaths);
    window_.show();
  }

  // Drops the dataset folder onto the main window, as a file manager would.
  void dropFolder() {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(dir_.path().string()))});
    QDragEnterEvent enter(QPoint(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window_, &enter);
    ASSERT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window_, &drop);
    ASSERT_TRUE(drop.isAccepted());
  }

  void openAndAnalyse(int clips = 4) {
    dropFolder();
    QTRY_COMPARE_WITH_TIMEOUT(page_->model()->rowCount(), clips, kScanTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(allAnalysed(), kScanTimeoutMs);
  }

  bool allAnalysed() const {
    for (const sa3::Clip& c : page_->model()->clips())
      if (!c.qc) return false;
    return true;
  }

  std::string caption(const std::string& relative) const { return read_text(dir_ / relative); }

  sa3::test::TempDir dir_;
  MainWindow window_;
  DatasetPage* page_ = nullptr;
};

TEST_F(DatasetPageTest, DropFolder_ScansInBackground_ShowsEveryClipWithQc) {
  openAndAnalyse();
  const ClipTableModel& model = *page_->model();
  ASSERT_GE(model.rowOfId(QStringLiteral("drums/kick.wav")), 0);
  const sa3::Clip& lead = model.clip(model.rowOfId(QStringLiteral("lead.wav")));
  EXPECT_EQ(lead.sample_rate, 44100);
  EXPECT_EQ(lead.channels, 1);
  EXPECT_NEAR(lead.duration_s, 1.5, 1e-3);
  EXPECT_EQ(lead.caption, "bright lead");
  ASSERT_TRUE(lead.qc.has_value());
  EXPECT_FALSE(lead.qc->waveform_max.empty());
  // The table shows the rate/channel mix and a loudness once QC is in.
  const QModelIndex format = model.index(model.rowOfId(QStringLiteral("lead.wav")), ClipTableModel::FormatColumn);
  EXPECT_TRUE(format.data().toString().contains(QStringLiteral("44.1")));
  const QModelIndex loudness = model.index(model.rowOfId(QStringLiteral("lead.wav")), ClipTableModel::LoudnessColumn);
  EXPECT_TRUE(loudness.data().toString().contains(QStringLiteral("LUFS")));
}

TEST_F(DatasetPageTest, FilterField_MatchesNameOrCaption_HidesOtherRows) {
  openAndAnalyse();
  page_->filterField()->setText(QStringLiteral("kick"));
  EXPECT_EQ(page_->proxy()->rowCount(), 1);
  page_->filterField()->setText(QStringLiteral("BRIGHT"));  // caption, case-insensitive
  ASSERT_EQ(page_->proxy()->rowCount(), 1);
  EXPECT_EQ(page_->proxy()->index(0, 0).data(ClipTableModel::ClipIdRole).toString(), QStringLiteral("lead.wav"));
  page_->filterField()->clear();
  EXPECT_EQ(page_->proxy()->rowCount(), 4);
}

TEST_F(DatasetPageTest, TypingCaption_AutosavesWithinOneSecond_UndoRestoresFile) {
  openAndAnalyse();
  page_->selectClip(QStringLiteral("pad.wav"));
  CaptionEditor* editor = page_->clipPane()->editor();
  ASSERT_EQ(editor->clipId(), QStringLiteral("pad.wav"));
  ASSERT_EQ(editor->toPlainText(), QStringLiteral("warm pad"));
  editor->setFocus();
  editor->moveCursor(QTextCursor::End);
  QTest::keyClicks(editor, QStringLiteral(", slow attack"));
  QElapsedTimer sinceLastKey;
  sinceLastKey.start();
  QTRY_COMPARE_WITH_TIMEOUT(caption("pad.txt"), std::string("warm pad, slow attack"), 3000);
  // The debounce is ≤ 1 s by design; the measured bound leaves room for a loaded CI machine.
  static_assert(DatasetWriter::kDelayMs <= 1000);
  EXPECT_LE(sinceLastKey.elapsed(), 2000);
  // Typing merged into one step: a single undo brings back the original caption.
  EXPECT_EQ(page_->undoStack()->count(), 1);
  page_->undoStack()->undo();
  EXPECT_EQ(editor->toPlainText(), QStringLiteral("warm pad"));
  QTRY_COMPARE_WITH_TIMEOUT(caption("pad.txt"), std::string("warm pad"), 3000);
  page_->undoStack()->redo();
  QTRY_COMPARE_WITH_TIMEOUT(caption("pad.txt"), std::string("warm pad, slow attack"), 3000);
}

TEST_F(DatasetPageTest, CtrlZInCaptionEditor_ReachesPageUndoStack) {
  openAndAnalyse();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window_));
  page_->selectClip(QStringLiteral("lead.wav"));
  CaptionEditor* editor = page_->clipPane()->editor();
  editor->setFocus();
  editor->moveCursor(QTextCursor::End);
  QTest::keyClicks(editor, QStringLiteral(" synth"));
  ASSERT_EQ(page_->model()->caption(QStringLiteral("lead.wav")), QStringLiteral("bright lead synth"));
  QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
  EXPECT_EQ(page_->model()->caption(QStringLiteral("lead.wav")), QStringLiteral("bright lead"));
  QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
  EXPECT_EQ(page_->model()->caption(QStringLiteral("lead.wav")), QStringLiteral("bright lead synth"));
  page_->writer()->flush();
  EXPECT_EQ(caption("lead.txt"), "bright lead synth");
}

TEST_F(DatasetPageTest, BulkPrefix_PreviewThenApply_WritesEveryCaptionAndOneUndoRevertsAll) {
  openAndAnalyse();
  page_->table()->selectAll();
  ASSERT_EQ(page_->selectedClipIds().size(), 4);

  int previewRows = -1;
  QStringList previewAfter;
  QTimer::singleShot(0, [&] {
    auto* dialog = qobject_cast<BulkEditDialog*>(QApplication::activeModalWidget());
    ASSERT_NE(dialog, nullptr);
    dialog->prefixField()->setText(QStringLiteral("zyx, "));
    previewRows = dialog->preview()->rowCount();
    for (int row = 0; row < previewRows; ++row) previewAfter << dialog->preview()->item(row, 2)->text();
    ASSERT_TRUE(dialog->applyButton()->isEnabled());
    dialog->applyButton()->click();
  });
  page_->bulkEdit();

  EXPECT_EQ(previewRows, 4);
  EXPECT_TRUE(previewAfter.contains(QStringLiteral("zyx, deep kick")));
  for (const QString& after : previewAfter) EXPECT_TRUE(after.startsWith(QStringLiteral("zyx, "))) << after.toStdString();
  QTRY_COMPARE_WITH_TIMEOUT(caption("drums/snare.txt"), std::string("zyx, tight snare"), 3000);
  page_->writer()->flush();
  EXPECT_EQ(caption("pad.txt"), "zyx, warm pad");
  EXPECT_EQ(caption("lead.txt"), "zyx, bright lead");
  EXPECT_EQ(caption("drums/kick.txt"), "zyx, deep kick");

  ASSERT_EQ(page_->undoStack()->count(), 1);
  page_->undoStack()->undo();
  QTRY_COMPARE_WITH_TIMEOUT(caption("drums/snare.txt"), std::string("tight snare"), 3000);
  page_->writer()->flush();
  EXPECT_EQ(caption("pad.txt"), "warm pad");
  EXPECT_EQ(caption("lead.txt"), "bright lead");
  EXPECT_EQ(caption("drums/kick.txt"), "deep kick");
}

TEST_F(DatasetPageTest, BulkRegexReplace_PreviewListsOnlyChangedCaptions) {
  openAndAnalyse();
  page_->table()->selectAll();
  int previewRows = -1;
  QString after;
  QTimer::singleShot(0, [&] {
    auto* dialog = qobject_cast<BulkEditDialog*>(QApplication::activeModalWidget());
    ASSERT_NE(dialog, nullptr);
    dialog->regexBox()->setChecked(true);
    dialog->findField()->setText(QStringLiteral("^(\\w+) (kick|snare)$"));
    dialog->replaceField()->setText(QStringLiteral("\\2, \\1"));
    previewRows = dialog->preview()->rowCount();
    after = previewRows > 0 ? dialog->preview()->item(0, 2)->text() : QString();
    dialog->reject();
  });
  page_->bulkEdit();
  EXPECT_EQ(previewRows, 2);
  EXPECT_TRUE(after == QStringLiteral("kick, deep") || after == QStringLiteral("snare, tight")) << after.toStdString();
  // Rejected: nothing changed on disk or in the undo history.
  EXPECT_EQ(page_->undoStack()->count(), 0);
  EXPECT_EQ(caption("drums/kick.txt"), "deep kick");
}

TEST_F(DatasetPageTest, ExcludeClip_StoresSideStateOnly_UndoIncludesAgain) {
  openAndAnalyse();
  page_->selectClip(QStringLiteral("lead.wav"));
  page_->setSelectedExcluded(true);
  EXPECT_TRUE(page_->model()->isExcluded(QStringLiteral("lead.wav")));
  page_->writer()->flush();
  const auto state = dir_ / ".sa3studio" / "dataset.json";
  ASSERT_TRUE(std::filesystem::exists(state));
  EXPECT_NE(read_text(state).find("lead.wav"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "lead.wav"));
  EXPECT_EQ(caption("lead.txt"), "bright lead");

  page_->undoStack()->undo();
  EXPECT_FALSE(page_->model()->isExcluded(QStringLiteral("lead.wav")));
  page_->writer()->flush();
  EXPECT_EQ(read_text(state).find("lead.wav"), std::string::npos);
}

TEST_F(DatasetPageTest, LintIssueForMissingCaption_ShownOnTheClipRow) {
  sa3::test::write_sine_wav(dir_ / "untitled.wav", 1.5);
  openAndAnalyse(5);
  page_->model()->relintNow();
  const QString id = QStringLiteral("untitled.wav");
  bool found = false;
  for (const sa3::Issue* issue : page_->model()->issuesFor(id)) found |= issue->field == "caption";
  EXPECT_TRUE(found);
  const QModelIndex status = page_->model()->index(page_->model()->rowOfId(id), ClipTableModel::StatusColumn);
  EXPECT_TRUE(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("untitled")));

  // Clicking the issue in the stats panel selects its clip.
  page_->selectClip(QStringLiteral("pad.wav"));
  page_->statsPanel()->refresh();
  QListWidget* list = page_->statsPanel()->issueList();
  EXPECT_FALSE(list->isHidden());  // hidden only while there is nothing to list
  QListWidgetItem* item = nullptr;
  for (int i = 0; i < list->count(); ++i)
    if (list->item(i)->text().contains(QStringLiteral("untitled"))) item = list->item(i);
  ASSERT_NE(item, nullptr);
  emit list->itemClicked(item);
  EXPECT_EQ(page_->clipPane()->clipId(), id);
  EXPECT_EQ(page_->selectedClipIds(), QStringList{id});
}

TEST_F(DatasetPageTest, ModelChooser_SetsTheNativeLengthThatLintChecks) {
  sa3::test::write_sine_wav(dir_ / "long.wav", 130, 8000, 1, 100);  // longer than small's 120 s
  write_text(dir_ / "long.txt", "long drone");
  openAndAnalyse(5);
  auto durationIssue = [this] {
    page_->model()->relintNow();
    for (const sa3::Issue* issue : page_->model()->issuesFor(QStringLiteral("long.wav")))
      if (issue->field == "duration") return true;
    return false;
  };
  QComboBox* chooser = page_->statsPanel()->modelChooser();
  chooser->setCurrentIndex(chooser->findData(QStringLiteral("small-music-base")));
  EXPECT_DOUBLE_EQ(page_->model()->lintOptions().native_length_s, 120);
  EXPECT_TRUE(durationIssue());
  chooser->setCurrentIndex(chooser->findData(QStringLiteral("medium-base")));
  EXPECT_DOUBLE_EQ(page_->model()->lintOptions().native_length_s, 380);
  EXPECT_FALSE(durationIssue());
}

TEST_F(DatasetPageTest, HideWarning_StoredInSideState_UndoShowsItAgain) {
  write_text(dir_ / "lead.txt", "deep kick");  // now a duplicate caption: a warning on two clips
  openAndAnalyse();
  page_->statsPanel()->refresh();
  QListWidget* list = page_->statsPanel()->issueList();
  const int before = list->count();
  QListWidgetItem* duplicate = nullptr;
  for (int i = 0; i < list->count(); ++i)
    if (list->item(i)->text().startsWith(QStringLiteral("lead.wav"))) duplicate = list->item(i);
  ASSERT_NE(duplicate, nullptr);
  duplicate->setSelected(true);
  page_->hideSelectedIssues();
  page_->statsPanel()->refresh();
  EXPECT_EQ(list->count(), before - 1);
  page_->writer()->flush();
  EXPECT_NE(read_text(dir_ / ".sa3studio" / "dataset.json").find("lead.wav"), std::string::npos);

  page_->undoStack()->undo();
  page_->statsPanel()->refresh();
  EXPECT_EQ(list->count(), before);
}

TEST_F(DatasetPageTest, SortByDuration_OrdersNumerically) {
  openAndAnalyse();
  page_->table()->sortByColumn(ClipTableModel::DurationColumn, Qt::DescendingOrder);
  QStringList order;
  for (int row = 0; row < page_->proxy()->rowCount(); ++row)
    order << page_->proxy()->index(row, 0).data(ClipTableModel::ClipIdRole).toString();
  EXPECT_EQ(order, (QStringList{QStringLiteral("pad.wav"), QStringLiteral("lead.wav"), QStringLiteral("drums/kick.wav"),
                                QStringLiteral("drums/snare.wav")}));
}

TEST_F(DatasetPageTest, DropAudioFileOnOpenDataset_CopiesItWithItsCaptionAndShowsIt) {
  openAndAnalyse();
  sa3::test::TempDir elsewhere;
  sa3::test::write_sine_wav(elsewhere / "hat.wav", 1.3, 22050, 1, 5000);
  write_text(elsewhere / "hat.txt", "open hat");
  page_->openPaths({QString::fromStdString((elsewhere / "hat.wav").string())});
  QTRY_COMPARE_WITH_TIMEOUT(page_->model()->rowCount(), 5, kScanTimeoutMs);
  EXPECT_EQ(page_->model()->caption(QStringLiteral("hat.wav")), QStringLiteral("open hat"));
  EXPECT_TRUE(std::filesystem::exists(elsewhere / "hat.wav"));  // copied, not moved
  // The clips analysed before keep their QC; only the new one is analysed.
  QTRY_VERIFY_WITH_TIMEOUT(allAnalysed(), kScanTimeoutMs);
}

TEST_F(DatasetPageTest, ExportThenImportZip_ImportedFolderOpensWithSameClipsAndCaptions) {
  openAndAnalyse();
  page_->selectClip(QStringLiteral("drums/kick.wav"));
  page_->setSelectedExcluded(true);  // excluded clips stay out of the zip
  sa3::test::TempDir out;
  const QString zip = QString::fromStdString((out / "set.zip").string());
  page_->exportZip(zip);
  QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::exists(out / "set.zip"), kScanTimeoutMs);

  const auto imported = out / "imported";
  page_->importZip(zip, QString::fromStdString(imported.string()));
  QTRY_COMPARE_WITH_TIMEOUT(page_->model()->rootPath(), QString::fromStdString(std::filesystem::canonical(out.path()).string() + "/imported"),
                            kScanTimeoutMs);
  EXPECT_EQ(page_->model()->rowCount(), 3);
  EXPECT_LT(page_->model()->rowOfId(QStringLiteral("kick.wav")), 0);
  EXPECT_EQ(page_->model()->caption(QStringLiteral("snare.wav")), QStringLiteral("tight snare"));
  EXPECT_EQ(read_text(imported / "pad.txt"), "warm pad");
}

}  // namespace
}  // namespace sa3::ui
