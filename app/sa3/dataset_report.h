// SPDX-License-Identifier: GPL-3.0-or-later
// How `sa3 dataset check` prints its findings: a table for people, JSON for scripts.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sa3/dataset.h"

namespace sa3::cli {

struct DatasetReport {
  std::string source;  // the folder or zip the user named
  std::string model;
  const DatasetScan* scan = nullptr;
  const DatasetState* state = nullptr;
  std::vector<Issue> issues;
  bool qc = true;  // whether clips were decoded
};

void print_report_text(std::ostream& out, const DatasetReport& report);
void print_report_json(std::ostream& out, const DatasetReport& report);
size_t count_errors(const std::vector<Issue>& issues);

}  // namespace sa3::cli
