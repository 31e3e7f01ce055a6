// SPDX-License-Identifier: GPL-3.0-or-later
// RunsPage: run history table, loss overlay, config diff and resume of interrupted runs.
#include "ui/runs/runs_page.h"

#include <QAction>
#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <filesystem>

#include "sa3/paths.h"
#include "sa3/runs.h"
#include "ui/background_task.h"
#include "ui/runs/config_diff_view.h"
#include "ui/runs/loss_overlay_chart.h"
#include "ui/runs/run_table_model.h"

namespace sa3::ui {
namespace {

Q_LOGGING_CATEGORY(lcRuns, "sa3.runs")

const QString kRunsFolderKey = QStringLiteral("runs/folder");

std::filesystem::path toPath(const QString& folder) { return {QFile::encodeName(folder).toStdString()}; }
QString fromPath(const std::filesystem::path& path) { return QFile::decodeName(path.string().c_str()); }

struct RunDetails {
  QString name;
  std::vector<sa3::LossPoint> points;
  std::map<std::string, std::string> settings;
};

}  // namespace

QString RunsPage::runsFolder() {
  const QString chosen = QSettings().value(kRunsFolderKey).toString();
  return chosen.isEmpty() ? fromPath(sa3::default_runs_dir()) : chosen;
}

void RunsPage::setRunsFolder(const QString& folder) { QSettings().setValue(kRunsFolderKey, folder); }

RunsPage::RunsPage(QWidget* parent)
    : QWidget(parent),
      m_model(new RunTableModel(this)),
      m_table(new QTableView(this)),
      m_chart(new LossOverlayChart(this)),
      m_diff(new ConfigDiffView(this)),
      m_folderLabel(new QLabel(this)),
      m_notice(new QLabel(this)),
      m_listTask(new BackgroundTask(lcRuns, this)),
      m_detailTask(new BackgroundTask(lcRuns, this)) {
  createActions();
  m_table->setModel(m_model);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
  m_table->addActions({m_resume, m_openFolder});
  connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
    updateActions();
    showDetails();
  });

  m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* chooseButton = new QPushButton(tr("Choose Runs Folder…"), this);
  connect(chooseButton, &QPushButton::clicked, m_chooseFolder, &QAction::trigger);
  auto* resumeButton = new QPushButton(tr("Resume"), this);
  connect(resumeButton, &QPushButton::clicked, m_resume, &QAction::trigger);
  connect(m_resume, &QAction::changed, resumeButton, [this, resumeButton] { resumeButton->setEnabled(m_resume->isEnabled()); });
  resumeButton->setEnabled(false);
  auto* top = new QHBoxLayout;
  top->addWidget(m_folderLabel, 1);
  top->addWidget(resumeButton);
  top->addWidget(chooseButton);
  m_notice->setWordWrap(true);
  m_notice->hide();

  auto* logBox = new QCheckBox(tr("Log scale"), this);
  connect(logBox, &QCheckBox::toggled, m_logScale, &QAction::setChecked);
  connect(m_logScale, &QAction::toggled, logBox, &QCheckBox::setChecked);
  auto* allBox = new QCheckBox(tr("All settings"), this);
  connect(allBox, &QCheckBox::toggled, m_showAll, &QAction::setChecked);
  connect(m_showAll, &QAction::toggled, allBox, &QCheckBox::setChecked);

  auto* chartPane = new QWidget(this);
  auto* chartLayout = new QVBoxLayout(chartPane);
  chartLayout->setContentsMargins(0, 0, 0, 0);
  chartLayout->addWidget(new QLabel(tr("<b>Loss</b> (faint: every step; solid: moving average)"), chartPane));
  chartLayout->addWidget(m_chart, 1);
  chartLayout->addWidget(logBox);
  auto* diffPane = new QWidget(this);
  auto* diffLayout = new QVBoxLayout(diffPane);
  diffLayout->setContentsMargins(0, 0, 0, 0);
  diffLayout->addWidget(new QLabel(tr("<b>Settings</b> that differ between the selected runs"), diffPane));
  diffLayout->addWidget(m_diff, 1);
  diffLayout->addWidget(allBox);
  auto* details = new QSplitter(Qt::Horizontal, this);
  details->addWidget(chartPane);
  details->addWidget(diffPane);
  details->setStretchFactor(0, 3);
  details->setStretchFactor(1, 2);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(m_table);
  split->addWidget(details);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(m_notice);
  layout->addWidget(split, 1);

  updateActions();
  refresh();
}

void RunsPage::createActions() {
  auto make = [this](const QString& text, const QKeySequence& key, auto slot) {
    auto* a = new QAction(text, this);
    a->setShortcut(key);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  m_refresh = make(tr("&Refresh Runs"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_R), [this] { refresh(); });
  m_resume = make(tr("Re&sume Run"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_U), [this] {
    const QStringList folders = selectedRunFolders();
    if (folders.size() == 1) emit resumeRequested(folders.constFirst());
  });
  m_openFolder = make(tr("&Open Run Folder"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_O), [this] { openRunFolder(); });
  m_chooseFolder = make(tr("&Choose Runs Folder…"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_F), [this] { chooseFolder(); });
  auto makeToggle = [this](const QString& text, const QKeySequence& key, auto slot) {
    auto* a = new QAction(text, this);
    a->setShortcut(key);
    a->setCheckable(true);
    // toggled, not triggered: the page's check boxes set the action too.
    connect(a, &QAction::toggled, this, slot);
    return a;
  };
  m_logScale = makeToggle(tr("&Log Scale Loss"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_L),
                          [this](bool on) { m_chart->setLogScale(on); });
  m_showAll = makeToggle(tr("Show &All Settings"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_A),
                         [this](bool on) { m_diff->setShowAll(on); });
}

void RunsPage::addToMenu(QMenu* menu) {
  menu->addActions({m_refresh, m_resume, m_openFolder});
  menu->addSeparator();
  menu->addActions({m_logScale, m_showAll});
  menu->addSeparator();
  menu->addAction(m_chooseFolder);
}

QString RunsPage::notice() const { return m_notice->text(); }

void RunsPage::refresh() {
  const QString folder = runsFolder();
  m_folderLabel->setText(tr("Runs folder: %1").arg(QDir::toNativeSeparators(folder)));
  const QStringList selected = [this] {
    QStringList names;
    for (const QModelIndex& i : m_table->selectionModel()->selectedRows())
      names << QString::fromStdString(m_model->run(i.row()).name);
    return names;
  }();
  m_listTask->start(tr("Reading runs"), [this, folder, selected](sa3::JobControl&, const BackgroundTask::Post& post) {
    auto runs = sa3::list_runs(toPath(folder));
    post([this, runs = std::move(runs), selected]() mutable {
      if (!runs) {
        m_model->setRuns({});
        m_notice->setText(QString::fromStdString(runs.error().message));
        m_notice->show();
      } else {
        const auto interrupted = std::count_if(runs->begin(), runs->end(), [](const auto& r) { return r.interrupted; });
        m_model->setRuns(std::move(*runs));
        m_notice->setText(interrupted == 0   ? QString()
                          : interrupted == 1 ? tr("One run stopped when the studio or the machine quit. Select it "
                                                  "and press Resume to continue from its newest checkpoint.")
                                             : tr("%1 runs stopped when the studio or the machine quit. Select one "
                                                  "and press Resume to continue it from its newest checkpoint.")
                                                   .arg(interrupted));
        m_notice->setVisible(interrupted > 0);
        // Keep the user's selection across refreshes; at first show the newest run's curve.
        if (selected.isEmpty() && m_model->rowCount() > 0)
          selectRuns({QString::fromStdString(m_model->run(0).name)});
        else
          selectRuns(selected);
      }
      updateActions();
      emit runsRefreshed();
    });
  });
}

void RunsPage::selectRuns(const QStringList& names) {
  QItemSelection selection;
  for (const QString& name : names)
    if (const int row = m_model->rowOf(name); row >= 0)
      selection.select(m_model->index(row, 0), m_model->index(row, RunTableModel::ColumnCount - 1));
  m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QStringList RunsPage::selectedRunFolders() const {
  QStringList folders;
  for (const QModelIndex& i : m_table->selectionModel()->selectedRows())
    folders << fromPath(m_model->run(i.row()).folder);
  return folders;
}

void RunsPage::showDetails() {
  std::vector<std::pair<QString, std::filesystem::path>> runs;
  for (const QModelIndex& i : m_table->selectionModel()->selectedRows())
    runs.emplace_back(QString::fromStdString(m_model->run(i.row()).name), m_model->run(i.row()).folder);
  m_detailTask->start(tr("Reading loss curves"), [this, runs](sa3::JobControl&, const BackgroundTask::Post& post) {
    std::vector<RunDetails> details;
    for (const auto& [name, folder] : runs) {
      RunDetails d{name, {}, {}};
      if (auto curve = sa3::read_loss_curve(folder)) d.points = std::move(*curve);
      // A run without a readable job.json still shows its curve; its settings column stays empty.
      if (auto settings = sa3::read_job_settings(folder)) d.settings = std::move(*settings);
      details.push_back(std::move(d));
    }
    post([this, details = std::move(details)] {
      std::vector<LossOverlayChart::Curve> curves;
      QStringList names;
      std::vector<ConfigDiffView::Settings> settings;
      for (const RunDetails& d : details) {
        curves.push_back({d.name, d.points});
        names << d.name;
        settings.push_back(d.settings);
      }
      m_chart->setCurves(curves);
      m_diff->setRuns(names, settings);
      emit detailsShown();
    });
  });
}

void RunsPage::updateActions() {
  const QModelIndexList rows = m_table->selectionModel()->selectedRows();
  m_resume->setEnabled(rows.size() == 1 && m_model->run(rows.constFirst().row()).resumable());
  m_openFolder->setEnabled(rows.size() == 1);
}

void RunsPage::chooseFolder() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose Runs Folder"), runsFolder());
  if (folder.isEmpty()) return;
  setRunsFolder(folder);
  refresh();
}

void RunsPage::openRunFolder() {
  const QStringList folders = selectedRunFolders();
  if (folders.size() == 1) QDesktopServices::openUrl(QUrl::fromLocalFile(folders.constFirst()));
}

void RunsPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  // Runs finish or start while other pages are shown.
  refresh();
}

}  // namespace sa3::ui
