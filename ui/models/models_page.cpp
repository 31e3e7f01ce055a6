// SPDX-License-Identifier: GPL-3.0-or-later
// ModelsPage: the models folder table and its download / verify / cancel / open actions.
#include "ui/models/models_page.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <filesystem>
#include <utility>

#include "ui/background_task.h"
#include "ui/logging_categories.h"
#include "ui/models/model_table_model.h"
#include "ui/settings/secret_store.h"
#include "ui/settings/studio_settings.h"
#include "ui/task_progress.h"

namespace sa3::ui {
namespace {

Q_LOGGING_CATEGORY(lcModels, "sa3.models")

std::filesystem::path toPath(const QString& folder) { return {QFile::encodeName(folder).toStdString()}; }

QString etaText(double seconds) {
  if (seconds < 0) return ModelsPage::tr("time left unknown");
  const auto s = static_cast<qint64>(seconds + 0.5);
  if (s < 60) return ModelsPage::tr("%n s left", nullptr, static_cast<int>(s));
  if (s < 3600) return ModelsPage::tr("%n min left", nullptr, static_cast<int>((s + 30) / 60));
  return ModelsPage::tr("%1 h %2 min left").arg(s / 3600).arg((s % 3600) / 60);
}

}  // namespace

ModelsPage::ModelsPage(SecretStore* secrets, QWidget* parent)
    : QWidget(parent),
      m_secrets(secrets),
      m_model(new ModelTableModel(this)),
      m_table(new QTableView(this)),
      m_folderLabel(new QLabel(this)),
      m_progressLabel(new QLabel(this)),
      m_message(new QLabel(this)),
      m_statusTask(new BackgroundTask(lcModels, this)),
      m_jobTask(new BackgroundTask(lcModels, this)) {
  createActions();
  m_table->setModel(m_model);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
  m_table->addActions({m_download, m_verify, m_cancel, m_openFolder});
  connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ModelsPage::updateActions);
  connect(m_table, &QTableView::doubleClicked, this, [this] { openFolder(); });

  auto* title = new QLabel(tr("<b>Stable Audio 3 models</b>"), this);
  auto* explain = new QLabel(tr("Training needs a <i>-base</i> model; auditioning a LoRA needs the matching "
                                "post-trained model. Downloads resume where they stopped and are checked "
                                "against the hub's sha256 before use."),
                             this);
  explain->setWordWrap(true);
  m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* settingsButton = new QPushButton(tr("Change Folder or Token…"), this);
  connect(settingsButton, &QPushButton::clicked, this, &ModelsPage::settingsRequested);
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(m_folderLabel, 1);
  folderRow->addWidget(settingsButton);

  auto* buttons = new QHBoxLayout;
  for (QAction* a : {m_download, m_verify, m_cancel, m_openFolder, m_refresh}) {
    auto* b = new QToolButton(this);
    b->setDefaultAction(a);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buttons->addWidget(b);
  }
  buttons->addStretch(1);

  auto* progress = new TaskProgress(this);
  progress->watch(m_jobTask);
  m_progressLabel->hide();
  m_message->setWordWrap(true);
  m_message->setTextInteractionFlags(Qt::TextBrowserInteraction);
  m_message->setOpenExternalLinks(true);
  m_message->hide();

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(title);
  layout->addWidget(explain);
  layout->addLayout(folderRow);
  layout->addLayout(buttons);
  layout->addWidget(m_table, 1);
  layout->addWidget(progress);
  layout->addWidget(m_progressLabel);
  layout->addWidget(m_message);

  connect(m_jobTask, &BackgroundTask::failed, this, [this](const QString& error) {
    m_model->setActivity(m_jobId, {});
    m_jobId.clear();
    setMessage(error, true);
    updateActions();
  });
  if (m_secrets) {
    connect(m_secrets, &SecretStore::secretRead, this, &ModelsPage::tokenRead);
    connect(m_secrets, &SecretStore::secretWritten, this, [this](Secret which) {
      if (which == Secret::HuggingFaceToken) m_tokenKnown = false;  // read again before the next download
    });
  }
  updateActions();
  refresh();
}

void ModelsPage::createActions() {
  auto make = [this](const QString& text, const QKeySequence& key, auto slot) {
    auto* a = new QAction(text, this);
    a->setShortcut(key);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  m_download = make(tr("&Download Model"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D),
                    [this] { download(selectedId()); });
  m_download->setToolTip(tr("Download the selected model, or complete a stopped download"));
  m_verify = make(tr("&Verify Model"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_V), [this] { verify(selectedId()); });
  m_verify->setToolTip(tr("Hash every file of the selected model and compare with the download record"));
  m_cancel = make(tr("&Cancel Download or Verify"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_X), [this] { cancelJob(); });
  m_openFolder = make(tr("&Open Model Folder"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O), [this] { openFolder(); });
  m_refresh = make(tr("&Refresh Models"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R), [this] { refresh(); });
}

void ModelsPage::addToMenu(QMenu* menu) {
  menu->addActions({m_download, m_verify, m_cancel});
  menu->addSeparator();
  menu->addActions({m_openFolder, m_refresh});
}

QString ModelsPage::message() const { return m_message->text(); }

void ModelsPage::refresh() {
  const QString folder = StudioSettings::modelsFolder();
  m_folderLabel->setText(tr("Models folder: %1").arg(QDir::toNativeSeparators(folder)));
  m_statusTask->start(tr("Checking models"), [this, folder](sa3::JobControl&, const BackgroundTask::Post& post) {
    auto statuses = sa3::model_statuses(toPath(folder));
    post([this, statuses = std::move(statuses)]() mutable {
      if (statuses) {
        m_model->setStatuses(std::move(*statuses));
      } else {
        setMessage(QString::fromStdString(statuses.error().message), true);
      }
      // A first selection makes the actions usable at once: the first model not yet present.
      if (!m_table->selectionModel()->hasSelection()) {
        int row = 0;
        for (int r = m_model->rowCount() - 1; r >= 0; --r)
          if (const auto* s = m_model->statusAt(r); s && s->state != sa3::ModelState::Present) row = r;
        m_table->selectRow(row);
      }
      updateActions();
      emit statusesRefreshed();
    });
  });
}

void ModelsPage::selectModel(const QString& id) {
  const int row = m_model->rowOf(id);
  if (row >= 0) m_table->selectRow(row);
}

void ModelsPage::download(const QString& id) {
  if (id.isEmpty() || !m_jobId.isEmpty() || !m_pendingDownload.isEmpty()) return;
  if (m_tokenKnown || !m_secrets) {
    startDownload(id);
    return;
  }
  // The token arrives asynchronously (keychain); the download starts when it does.
  m_pendingDownload = id;
  m_model->setActivity(id, tr("starting…"));
  updateActions();
  m_secrets->read(Secret::HuggingFaceToken);
}

void ModelsPage::tokenRead(Secret which, const QString& value) {
  if (which != Secret::HuggingFaceToken) return;
  m_token = value;
  m_tokenKnown = true;
  if (const QString id = std::exchange(m_pendingDownload, {}); !id.isEmpty()) startDownload(id);
}

void ModelsPage::startDownload(const QString& id) {
  const QString folder = StudioSettings::modelsFolder();
  m_jobId = id;
  setMessage({}, false);
  m_model->setActivity(id, tr("downloading…"));
  updateActions();
  sa3::HubSettings hub{sa3::hub_endpoint_from_env(), m_token.toStdString()};
  m_jobTask->start(tr("Downloading %1").arg(id), [this, id, folder, hub](sa3::JobControl& job,
                                                                          const BackgroundTask::Post& post) {
    sa3::DownloadOptions options;
    options.hub = hub;
    options.on_progress = [this, id, post](const sa3::DownloadProgress& p) {
      post([this, id, p] { showDownloadProgress(id, p); });
    };
    auto result = sa3::download_model(toPath(folder), id.toStdString(), options, job);
    post([this, id, result = std::move(result)] { finishJob(id, Work::Download, result); });
  });
}

void ModelsPage::showDownloadProgress(const QString& id, const sa3::DownloadProgress& p) {
  const int percent = p.total_bytes > 0 ? static_cast<int>(100.0 * static_cast<double>(p.done_bytes) /
                                                           static_cast<double>(p.total_bytes))
                                        : 0;
  m_model->setActivity(id, tr("downloading %1 %").arg(percent));
  const QString speed = p.bytes_per_second > 0
                            ? tr("%1/s").arg(ModelTableModel::bytesText(static_cast<std::uint64_t>(p.bytes_per_second)))
                            : tr("measuring speed");
  m_progressLabel->setText(tr("%1: %2, %3 of %4, %5, %6")
                               .arg(id, QString::fromStdString(p.file), ModelTableModel::bytesText(p.done_bytes),
                                    ModelTableModel::bytesText(p.total_bytes), speed, etaText(p.eta_seconds)));
  m_progressLabel->show();
}

void ModelsPage::verify(const QString& id) {
  if (id.isEmpty() || !m_jobId.isEmpty()) return;
  const QString folder = StudioSettings::modelsFolder();
  m_jobId = id;
  setMessage({}, false);
  m_model->setActivity(id, tr("verifying…"));
  updateActions();
  m_jobTask->start(tr("Verifying %1").arg(id), [this, id, folder](sa3::JobControl& job, const BackgroundTask::Post& post) {
    auto result = sa3::verify_model(toPath(folder), id.toStdString(), job);
    post([this, id, result = std::move(result)] { finishJob(id, Work::Verify, result); });
  });
}

void ModelsPage::cancelJob() {
  if (!m_pendingDownload.isEmpty()) m_model->setActivity(std::exchange(m_pendingDownload, {}), {});
  if (m_jobId.isEmpty()) {
    updateActions();
    return;
  }
  m_jobTask->cancel();
  m_model->setActivity(m_jobId, {});
  setMessage(tr("%1: stopped. Downloading again resumes where it stopped.").arg(m_jobId), false);
  m_jobId.clear();
  m_progressLabel->hide();
  updateActions();
  refresh();
}

void ModelsPage::finishJob(const QString& id, Work work, const sa3::Result<sa3::ModelStatus>& result) {
  m_model->setActivity(id, {});
  m_jobId.clear();
  m_progressLabel->hide();
  const bool ok = result.ok() && result->state == sa3::ModelState::Present;
  if (result.ok()) {
    m_model->setStatus(*result);
    if (ok) {
      setMessage(work == Work::Download ? tr("%1 downloaded and checked (%2).")
                                              .arg(id, ModelTableModel::bytesText(result->size_bytes))
                                        : tr("%1 verified: every file matches its recorded sha256.").arg(id),
                 false);
    } else {
      QStringList lines{tr("%1 is %2:").arg(id, ModelTableModel::stateText(result->state))};
      for (const std::string& p : result->problems) lines << QString::fromStdString(p).toHtmlEscaped();
      setMessage(lines.join(QStringLiteral("<br>")), true);
    }
  } else if (result.error().cancelled()) {
    setMessage(tr("%1: stopped. Downloading again resumes where it stopped.").arg(id), false);
  } else {
    QString text = QString::fromStdString(result.error().message).toHtmlEscaped();
    // The hub refused the token or its absence (a gated repo): say where to fix it.
    if (work == Work::Download && result.error().kind == sa3::ErrorKind::InvalidInput) {
      const auto info = sa3::find_model(id.toStdString());
      const QString page = QString::fromStdString(sa3::hub_endpoint_from_env() + "/" + (info ? info->repo : std::string()));
      text += QStringLiteral("<br><br>") +
              tr("Stable Audio 3 models are gated: open <a href=\"%1\">the model page</a>, accept the licence, "
                 "then enter your Hugging Face token in Settings (Ctrl+,).")
                  .arg(page.toHtmlEscaped());
    }
    setMessage(text, true);
  }
  updateActions();
  emit jobFinished(id, ok);
  refresh();
}

void ModelsPage::setMessage(const QString& text, bool problem) {
  m_message->setText(text);
  m_message->setStyleSheet(problem ? QStringLiteral("color: #b03030;") : QString());
  m_message->setVisible(!text.isEmpty());
}

void ModelsPage::updateActions() {
  const QString id = selectedId();
  const sa3::ModelStatus* s = m_model->statusAt(m_model->rowOf(id));
  const bool busy = !m_jobId.isEmpty() || !m_pendingDownload.isEmpty();
  m_download->setEnabled(!busy && s && s->state != sa3::ModelState::Present);
  m_verify->setEnabled(!busy && s && s->state != sa3::ModelState::Missing);
  m_cancel->setEnabled(busy);
  m_openFolder->setEnabled(!id.isEmpty());
}

void ModelsPage::openFolder() {
  const sa3::ModelStatus* s = m_model->statusAt(m_model->rowOf(selectedId()));
  QString folder = StudioSettings::modelsFolder();
  if (s && std::filesystem::is_directory(s->folder)) folder = QFile::decodeName(s->folder.string().c_str());
  QDir().mkpath(folder);
  QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

QString ModelsPage::selectedId() const {
  const QModelIndexList rows = m_table->selectionModel()->selectedRows();
  return rows.isEmpty() ? QString() : m_model->idAt(rows.constFirst().row());
}

void ModelsPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  // The folder may have changed in Settings while another page was shown.
  if (m_jobId.isEmpty()) refresh();
}

}  // namespace sa3::ui
