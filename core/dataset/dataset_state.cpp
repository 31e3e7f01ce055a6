// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's load/save of `<dataset>/.sa3studio/dataset.json` (spec/contracts.md).
#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "sa3/dataset.h"

namespace sa3 {

namespace fs = std::filesystem;

namespace {

constexpr int kStateVersion = 1;

fs::path state_path(const fs::path& root) { return root / ".sa3studio" / "dataset.json"; }

std::set<std::string> string_set(const nlohmann::json& doc, const char* key, const fs::path& path) {
  std::set<std::string> out;
  if (!doc.contains(key) || doc[key].is_null()) return out;
  if (!doc[key].is_array()) throw_invalid(path.string() + ": '" + key + "' must be an array of strings");
  for (const auto& v : doc[key]) {
    if (!v.is_string()) throw_invalid(path.string() + ": '" + key + "' must be an array of strings");
    out.insert(v.get<std::string>());
  }
  return out;
}

}  // namespace

Result<DatasetState> load_dataset_state(const fs::path& root) {
  return capture([&] {
    const fs::path path = state_path(root);
    DatasetState state;
    std::error_code ec;
    if (!fs::exists(path, ec)) return state;
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(read_file(path));
    } catch (const nlohmann::json::exception& e) {
      throw_invalid(path.string() + ": not valid JSON (" + e.what() + ")");
    }
    if (!doc.is_object()) throw_invalid(path.string() + ": expected a JSON object");
    if (doc.contains("version") && doc["version"] != kStateVersion)
      throw_invalid(path.string() + ": unsupported version " + doc["version"].dump() + " (expected " +
                    std::to_string(kStateVersion) + "); was it written by a newer SA3 Studio?");
    state.excluded = string_set(doc, "excluded", path);
    state.acknowledged = string_set(doc, "acknowledged", path);
    if (doc.contains("trigger_word") && !doc["trigger_word"].is_null()) {
      if (!doc["trigger_word"].is_string()) throw_invalid(path.string() + ": 'trigger_word' must be a string");
      state.trigger_word = doc["trigger_word"].get<std::string>();
    }
    return state;
  });
}

Status save_dataset_state(const fs::path& root, const DatasetState& state) {
  return capture_status([&] {
    const fs::path path = state_path(root);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw_environment(path.parent_path().string() + ": cannot create folder (" + ec.message() + ")");
    const nlohmann::json doc = {{"version", kStateVersion},
                                {"excluded", state.excluded},
                                {"acknowledged", state.acknowledged},
                                {"trigger_word", state.trigger_word}};
    write_file_atomic(path, doc.dump(2) + "\n");
  });
}

}  // namespace sa3
