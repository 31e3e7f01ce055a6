// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetPage: layout, actions and the wiring between model, jobs, editor and player.
#include "ui/dataset/dataset_page.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include "ui/dataset/bulk_edit_dialog.h"
#include "ui/dataset/clip_pane.h"
#include "ui/dataset/clip_player.h"
#include "ui/dataset/clip_table_model.h"
#include "ui/dataset/dataset_file_ops.h"
#include "ui/dataset/dataset_loader.h"
#include "ui/dataset/dataset_writer.h"
#include "ui/dataset/stats_panel.h"
#include "ui/logging_categories.h"
#include "ui/settings/studio_settings.h"
#include "ui/task_progress.h"
#include "ui/undo/bulk_edit_command.h"
#include "ui/undo/set_acknowledged_command.h"
#include "ui/undo/set_excluded_command.h"

namespace sa3::ui {

DatasetPage::DatasetPage(QWidget* parent)
    : QWidget(parent),
      m_model(new ClipTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_undoStack(new QUndoStack(this)),
      m_writer(new DatasetWriter(m_model, this)),
      m_loader(new DatasetLoader(this)),
      m_fileOps(new DatasetFileOps(this)),
      m_player(new ClipPlayer(this)) {
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(ClipTableModel::SortRole);
  m_proxy->setFilterKeyColumn(-1);  // name and caption both match
  m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  createActions();
  buildLayout();
  connectJobs();
  updateActions();
}

DatasetPage::~DatasetPage() {
  m_loader->cancel();
  m_writer->flush();
  // Children die one by one after this; their last signals (the undo stack clearing, the
  // player stopping) must not reach slots of objects already gone.
  for (QObject* source : std::initializer_list<QObject*>{m_undoStack, m_player, m_model, m_loader, m_fileOps, m_writer})
    source->blockSignals(true);
}

void DatasetPage::createActions() {
  auto make = [this](const QString& text, const QKeySequence& key, auto slot) {
    auto* action = new QAction(text, this);
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    return action;
  };
  m_openFolder = make(tr("&Open Folder…"), QKeySequence::Open, [this] { chooseFolder(); });
  m_addFiles = make(tr("&Add Files…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] { chooseFiles(); });
  m_importZip = make(tr("&Import Zip…"), QKeySequence(Qt::CTRL | Qt::Key_I), [this] { chooseZip(); });
  m_exportZip = make(tr("&Export Zip…"), QKeySequence(Qt::CTRL | Qt::Key_E), [this] { chooseExport(); });
  m_reload = make(tr("&Reload"), QKeySequence::Refresh, [this] { reload(); });
  m_undo = m_undoStack->createUndoAction(this, tr("&Undo"));
  m_undo->setShortcut(QKeySequence::Undo);
  m_redo = m_undoStack->createRedoAction(this, tr("&Redo"));
  m_redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
  m_bulkEdit = make(tr("&Bulk Edit Captions…"), QKeySequence(Qt::CTRL | Qt::Key_B), [this] { bulkEdit(); });
  m_find = make(tr("&Filter Clips"), QKeySequence::Find, [this] {
    m_filter->setFocus();
    m_filter->selectAll();
  });
  m_exclude = make(tr("E&xclude from Training"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] { setSelectedExcluded(true); });
  m_include = make(tr("I&nclude in Training"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                   [this] { setSelectedExcluded(false); });
  m_hideIssues = make(tr("&Hide Selected Warnings"), QKeySequence(Qt::CTRL | Qt::Key_H), [this] { hideSelectedIssues(); });
  m_showHidden = make(tr("Show Hidden &Warnings"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
                      [this] { showHiddenIssues(); });
  m_playStop = make(tr("&Play / Stop"), QKeySequence(Qt::Key_Space), [this] { m_player->toggle(); });
  m_nextClip = make(tr("&Next Clip"), QKeySequence(Qt::ALT | Qt::Key_Down), [this] { stepClip(1); });
  m_previousClip = make(tr("Pre&vious Clip"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] { stepClip(-1); });
  addAction(m_undo);
  addAction(m_redo);
  m_openFolder->setIcon(QIcon(QStringLiteral(":/icons/folder-open.svg")));
  m_exportZip->setIcon(QIcon(QStringLiteral(":/icons/export.svg")));
  m_playStop->setIcon(QIcon(QStringLiteral(":/icons/play.svg")));
  m_exclude->setToolTip(tr("Leave the selected clips out of training and export; no file is deleted"));
}

void DatasetPage::addToMenus(QMenu* fileMenu, QMenu* editMenu, QMenu* datasetMenu) {
  // Insert before the window's own entries (Settings, Quit) so the page's come first.
  QAction* before = fileMenu->actions().value(0);
  fileMenu->insertActions(before, {m_openFolder, m_addFiles, m_importZip, m_exportZip, m_reload});
  fileMenu->insertSeparator(before);
  editMenu->addActions({m_undo, m_redo});
  editMenu->addSeparator();
  editMenu->addActions({m_bulkEdit, m_find});
  datasetMenu->addActions({m_playStop, m_nextClip, m_previousClip});
  datasetMenu->addSeparator();
  datasetMenu->addActions({m_exclude, m_include});
  datasetMenu->addSeparator();
  datasetMenu->addActions({m_hideIssues, m_showHidden});
}

void DatasetPage::buildLayout() {
  m_progress = new TaskProgress(this);
  m_progress->watch(m_loader->task());
  m_progress->watch(m_fileOps->task());

  m_filter = new QLineEdit(this);
  m_filter->setPlaceholderText(tr("Filter clips by name or caption (Ctrl+F)"));
  m_filter->setClearButtonEnabled(true);
  m_filter->setAcceptDrops(false);
  connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

  m_table = new QTableView(this);
  m_table->setModel(m_proxy);
  m_table->setSortingEnabled(true);
  m_table->sortByColumn(ClipTableModel::NameColumn, Qt::AscendingOrder);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_table->setAlternatingRowColors(true);
  m_table->setWordWrap(false);
  m_table->verticalHeader()->hide();
  m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
  m_table->horizontalHeader()->setSectionResizeMode(ClipTableModel::StatusColumn, QHeaderView::Fixed);
  m_table->horizontalHeader()->resizeSection(ClipTableModel::StatusColumn, 28);
  m_table->horizontalHeader()->resizeSection(ClipTableModel::NameColumn, 200);
  m_table->horizontalHeader()->resizeSection(ClipTableModel::DurationColumn, 72);
  m_table->horizontalHeader()->resizeSection(ClipTableModel::FormatColumn, 120);
  m_table->horizontalHeader()->resizeSection(ClipTableModel::LoudnessColumn, 90);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
  m_table->addActions({m_playStop, m_bulkEdit, m_exclude, m_include});

  auto* empty = new QLabel(tr("<h3>No dataset open</h3>"
                              "<p>Drop audio files, a folder or a fal zip here,<br>"
                              "or use File → Open Folder (Ctrl+O) or Import Zip (Ctrl+I).</p>"
                              "<p>Each clip pairs with a caption file of the same name: "
                              "<tt>kick.wav</tt> + <tt>kick.txt</tt>.</p>"),
                           this);
  empty->setAlignment(Qt::AlignCenter);
  empty->setWordWrap(true);
  m_tableStack = new QStackedWidget(this);
  m_tableStack->addWidget(empty);
  m_tableStack->addWidget(m_table);

  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addWidget(m_filter);
  leftLayout->addWidget(m_tableStack, 1);

  m_clipPane = new ClipPane(m_model, m_undoStack, m_player, this);
  m_stats = new StatsPanel(m_model, this);
  auto* right = new QSplitter(Qt::Vertical, this);
  right->addWidget(m_clipPane);
  right->addWidget(m_stats);
  right->setStretchFactor(0, 1);
  right->setStretchFactor(1, 1);
  right->setSizes({340, 480});

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(left);
  split->addWidget(right);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  split->setSizes({700, 480});

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_progress);
  layout->addWidget(split, 1);

  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            m_clipPane->showClip(current.isValid() ? current.data(ClipTableModel::ClipIdRole).toString() : QString());
          });
  connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DatasetPage::updateActions);
  connect(m_stats, &StatsPanel::clipActivated, this, &DatasetPage::selectClip);
  m_stats->issueList()->addActions({m_hideIssues, m_showHidden});
  connect(m_undoStack, &QUndoStack::indexChanged, this, &DatasetPage::updateActions);
  connect(m_model, &ClipTableModel::issuesChanged, this, &DatasetPage::updateActions);
}

void DatasetPage::connectJobs() {
  connect(m_loader, &DatasetLoader::loaded, this, [this](const sa3::DatasetScan& scan, const sa3::DatasetState& state) {
    const QString previous = m_clipPane->clipId();
    const bool sameFolder = scan.root == m_model->root();
    if (!sameFolder) m_undoStack->clear();
    m_model->setDataset(scan, state);
    m_tableStack->setCurrentWidget(m_table);
    StudioSettings::setLastDatasetFolder(m_model->rootPath());
    emit datasetChanged(m_model->rootPath());
    emit statusMessage(tr("Opened %1: %n clip(s)", nullptr, m_model->rowCount()).arg(m_model->rootPath()), 5000);
    if (m_model->rowOfId(previous) >= 0)
      selectClip(previous);
    else if (m_proxy->rowCount() > 0)
      m_table->setCurrentIndex(m_proxy->index(0, ClipTableModel::NameColumn));
    updateActions();
  });
  connect(m_loader, &DatasetLoader::clipAnalysed, m_model, &ClipTableModel::setQc);
  connect(m_loader, &DatasetLoader::analysisFinished, this,
          [this](int n) { emit statusMessage(tr("Analysed %n clip(s)", nullptr, n), 5000); });
  connect(m_loader, &DatasetLoader::stateProblem, this, [this](const QString& message) {
    showError(tr("Dataset settings unreadable"),
              tr("%1\n\nThe dataset opens with no clips excluded and no trigger word.").arg(message));
  });
  connect(m_loader, &DatasetLoader::failed, this, [this](const QString& m) { showError(tr("Cannot open the dataset"), m); });
  connect(m_fileOps, &DatasetFileOps::finished, this, [this](const QString& summary, const QString& folder) {
    emit statusMessage(summary, 8000);
    if (!folder.isEmpty()) m_loader->open(folder, m_model->clips());
  });
  connect(m_fileOps, &DatasetFileOps::failed, this, [this](const QString& m) { showError(tr("File operation failed"), m); });
  connect(m_writer, &DatasetWriter::saved, this, [this](int n) { emit statusMessage(tr("Saved %n file(s)", nullptr, n), 2000); });
  connect(m_writer, &DatasetWriter::saveFailed, this, [this](const QString& m) {
    emit statusMessage(tr("Could not save: %1 (your edit is kept and retried)").arg(m), 0);
  });
  connect(m_player, &ClipPlayer::errorOccurred, this, [this](const QString& m) { emit statusMessage(m, 8000); });
  connect(m_player, &ClipPlayer::playingChanged, this, [this](bool playing) {
    m_playStop->setIcon(QIcon(playing ? QStringLiteral(":/icons/stop.svg") : QStringLiteral(":/icons/play.svg")));
  });
}

void DatasetPage::updateActions() {
  const bool open = m_model->hasDataset();
  const bool selected = m_table->selectionModel()->hasSelection();
  m_addFiles->setEnabled(true);
  m_exportZip->setEnabled(open && m_model->rowCount() > 0);
  m_reload->setEnabled(open);
  m_bulkEdit->setEnabled(open && m_model->rowCount() > 0);
  m_exclude->setEnabled(selected);
  m_include->setEnabled(selected);
  m_playStop->setEnabled(open && m_model->rowCount() > 0);
  m_hideIssues->setEnabled(open);
  m_showHidden->setEnabled(open && !m_model->state().acknowledged.empty());
  m_nextClip->setEnabled(open);
  m_previousClip->setEnabled(open);
}

void DatasetPage::openPaths(const QStringList& paths) {
  QStringList audio;
  QStringList ignored;
  QString folder;
  QString zip;
  for (const QString& path : paths) {
    const QFileInfo info(path);
    if (info.isDir() && folder.isEmpty())
      folder = info.absoluteFilePath();
    else if (info.isFile() && info.suffix().compare(QStringLiteral("zip"), Qt::CaseInsensitive) == 0 && zip.isEmpty())
      zip = info.absoluteFilePath();
    else if (info.isFile() && DatasetFileOps::isAudioFile(path))
      audio << info.absoluteFilePath();
    else
      ignored << info.fileName();
  }
  if (!ignored.isEmpty())
    emit statusMessage(tr("Ignored (not a folder, zip or supported audio file): %1").arg(ignored.join(QStringLiteral(", "))), 8000);
  if (!folder.isEmpty()) {
    openFolder(folder);
  } else if (!zip.isEmpty()) {
    const QString dest = QFileDialog::getExistingDirectory(
        this, tr("Import %1 into folder").arg(QFileInfo(zip).fileName()), QFileInfo(zip).absolutePath());
    if (!dest.isEmpty()) importZip(zip, dest);
  } else if (!audio.isEmpty()) {
    QString target = m_model->rootPath();
    if (target.isEmpty())
      target = QFileDialog::getExistingDirectory(this, tr("Choose the dataset folder to copy the files into"),
                                                 StudioSettings::lastDatasetFolder());
    if (!target.isEmpty()) m_fileOps->addFiles(audio, target);
  }
}

void DatasetPage::openFolder(const QString& folder) {
  m_writer->flush();
  m_player->stop();
  m_loader->open(folder, QFileInfo(folder).canonicalFilePath() == m_model->rootPath() ? m_model->clips()
                                                                                        : std::vector<sa3::Clip>{});
}

void DatasetPage::importZip(const QString& zipPath, const QString& destFolder) {
  m_writer->flush();
  m_fileOps->importZip(zipPath, destFolder);
}

void DatasetPage::exportZip(const QString& zipPath) {
  m_writer->flush();
  m_fileOps->exportZip(m_model->clips(), m_model->state(), zipPath);
}

void DatasetPage::chooseFolder() {
  const QString folder =
      QFileDialog::getExistingDirectory(this, tr("Open dataset folder"), StudioSettings::lastDatasetFolder());
  if (!folder.isEmpty()) openFolder(folder);
}

void DatasetPage::chooseFiles() {
  QStringList patterns;
  for (const std::string& ext : sa3::supported_audio_extensions()) patterns << QStringLiteral("*%1").arg(QString::fromStdString(ext));
  const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add audio files"), StudioSettings::lastDatasetFolder(),
                                                          tr("Audio (%1)").arg(patterns.join(QLatin1Char(' '))));
  if (!files.isEmpty()) openPaths(files);
}

void DatasetPage::chooseZip() {
  const QString zip = QFileDialog::getOpenFileName(this, tr("Import dataset zip"), {}, tr("Zip archives (*.zip)"));
  if (!zip.isEmpty()) openPaths({zip});
}

void DatasetPage::chooseExport() {
  m_model->relintNow();
  int errors = 0;
  for (const sa3::Issue& issue : m_model->issues()) errors += issue.severity == sa3::Severity::Error;
  if (errors > 0 &&
      QMessageBox::question(this, tr("Export with errors?"),
                            tr("Lint found %n error(s) that fal's trainer would reject. Export anyway?", nullptr, errors)) !=
          QMessageBox::Yes)
    return;
  const QString suggested = m_model->rootPath() + QStringLiteral(".zip");
  const QString zip = QFileDialog::getSaveFileName(this, tr("Export dataset zip"), suggested, tr("Zip archives (*.zip)"));
  if (!zip.isEmpty()) exportZip(zip);
}

void DatasetPage::reload() {
  if (m_model->hasDataset()) openFolder(m_model->rootPath());
}

void DatasetPage::bulkEdit() {
  QStringList ids = selectedClipIds();
  if (ids.size() <= 1) {
    ids.clear();
    for (int row = 0; row < m_proxy->rowCount(); ++row)
      ids << m_proxy->index(row, 0).data(ClipTableModel::ClipIdRole).toString();
  }
  if (ids.isEmpty()) return;
  BulkEditDialog dialog(*m_model, ids, this);
  if (dialog.exec() != QDialog::Accepted) return;
  const BulkEdit edit = dialog.edit();
  if (dialog.setsTriggerWord()) m_model->setTriggerWord(edit.triggerWord());
  const QList<CaptionChange> changes = edit.changes(*m_model, ids);
  if (changes.isEmpty()) return;
  m_undoStack->push(new BulkEditCommand(m_model, changes, edit.description()));
  emit statusMessage(tr("Changed %n caption(s); Ctrl+Z undoes all of them", nullptr, static_cast<int>(changes.size())), 5000);
}

void DatasetPage::setSelectedExcluded(bool excluded) {
  QStringList changing;
  for (const QString& id : selectedClipIds())
    if (m_model->isExcluded(id) != excluded) changing << id;
  if (!changing.isEmpty()) m_undoStack->push(new SetExcludedCommand(m_model, changing, excluded));
}

void DatasetPage::hideSelectedIssues() {
  QStringList keys;
  for (const QString& key : m_stats->selectedHideableIssues())
    if (!m_model->state().acknowledged.contains(key.toStdString())) keys << key;
  if (keys.isEmpty()) {
    emit statusMessage(tr("Select warnings or notes in the issue list to hide them; errors cannot be hidden."), 5000);
    return;
  }
  m_undoStack->push(new SetAcknowledgedCommand(m_model, keys, true));
}

void DatasetPage::showHiddenIssues() {
  QStringList keys;
  for (const std::string& key : m_model->state().acknowledged) keys << QString::fromStdString(key);
  if (!keys.isEmpty()) m_undoStack->push(new SetAcknowledgedCommand(m_model, keys, false));
}

double DatasetPage::longestClipS() const {
  return sa3::summarise(m_model->clips(), m_model->state()).max_duration_s;
}

QStringList DatasetPage::selectedClipIds() const {
  QStringList ids;
  const QModelIndexList rows = m_table->selectionModel()->selectedRows(ClipTableModel::NameColumn);
  for (const QModelIndex& index : rows) ids << index.data(ClipTableModel::ClipIdRole).toString();
  return ids;
}

void DatasetPage::selectClip(const QString& clipId) {
  const int row = m_model->rowOfId(clipId);
  if (row < 0) return;
  QModelIndex index = m_proxy->mapFromSource(m_model->index(row, ClipTableModel::NameColumn));
  if (!index.isValid()) {  // hidden by the filter: clear it so the clip can be shown
    m_filter->clear();
    index = m_proxy->mapFromSource(m_model->index(row, ClipTableModel::NameColumn));
  }
  m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  m_table->scrollTo(index);
}

void DatasetPage::stepClip(int delta) {
  const int rows = m_proxy->rowCount();
  if (rows == 0) return;
  const int current = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -delta;
  const int next = std::clamp(current + delta, 0, rows - 1);
  const QModelIndex index = m_proxy->index(next, ClipTableModel::NameColumn);
  m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  m_table->scrollTo(index);
}

void DatasetPage::showError(const QString& title, const QString& message) {
  qCWarning(lcDataset).noquote() << title << message;
  QMessageBox::warning(this, title, message);
}

}  // namespace sa3::ui
