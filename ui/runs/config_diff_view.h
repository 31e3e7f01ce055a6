// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigDiffView: the job settings of several runs side by side, key by key (job.json
// flattened: "learning_rate", "studio.demo_seconds"), showing only the keys whose values differ
// unless "all settings" is asked for.
// Threading: GUI thread only.
#pragma once

#include <QString>
#include <QStringList>
#include <QTableWidget>
#include <map>
#include <string>
#include <vector>

namespace sa3::ui {

class ConfigDiffView : public QTableWidget {
  Q_OBJECT
 public:
  using Settings = std::map<std::string, std::string>;
  explicit ConfigDiffView(QWidget* parent = nullptr);

  // One column per run; `names` and `settings` have the same length.
  void setRuns(const QStringList& names, const std::vector<Settings>& settings);
  void setShowAll(bool all);
  // The keys shown now, top to bottom.
  QStringList shownKeys() const;

 private:
  void rebuild();

  QStringList m_names;
  std::vector<Settings> m_settings;
  bool m_showAll = false;
};

}  // namespace sa3::ui
