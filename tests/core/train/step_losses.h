// SPDX-License-Identifier: GPL-3.0-or-later
// The loss of every step event in a run's progress.jsonl, in file order and with nothing
// dropped, so tests comparing runs see a resumed session's repeated steps too.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sa3::test {

inline std::vector<double> step_losses(const std::filesystem::path& run) {
  std::vector<double> out;
  std::ifstream in(run / "progress.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line);
    if (j["event"] == "step") out.push_back(j["loss"].get<double>());
  }
  return out;
}

}  // namespace sa3::test
