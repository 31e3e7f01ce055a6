// SPDX-License-Identifier: GPL-3.0-or-later
// JSON form of the download record.
#include "download_record.h"

#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "sa3/error.h"

namespace sa3 {

const RecordedFile* DownloadRecord::find(const std::string& path) const {
  for (const RecordedFile& f : files)
    if (f.path == path) return &f;
  return nullptr;
}

void DownloadRecord::put(RecordedFile file) {
  for (RecordedFile& f : files) {
    if (f.path == file.path) {
      f = std::move(file);
      return;
    }
  }
  files.push_back(std::move(file));
}

std::optional<DownloadRecord> read_download_record(const std::filesystem::path& model_folder) {
  const std::filesystem::path path = model_folder / kDownloadRecordName;
  if (!std::filesystem::exists(path)) return std::nullopt;
  const nlohmann::json json = nlohmann::json::parse(read_file(path), nullptr, false);
  try {
    if (json.is_discarded()) throw_invalid("not JSON");
    DownloadRecord record;
    record.repo = json.at("repo").get<std::string>();
    record.endpoint = json.at("endpoint").get<std::string>();
    for (const nlohmann::json& f : json.at("files"))
      record.files.push_back({f.at("path").get<std::string>(), f.at("size").get<std::uint64_t>(),
                              f.at("sha256").get<std::string>(), f.value("failed_verify", false)});
    return record;
  } catch (const std::exception& e) {
    throw_invalid(path.string() + ": unreadable download record (" + e.what() +
                  "); delete it and run `sa3 models download` to rebuild it");
  }
}

void write_download_record(const std::filesystem::path& model_folder, const DownloadRecord& record) {
  nlohmann::json files = nlohmann::json::array();
  for (const RecordedFile& f : record.files) {
    nlohmann::json entry = {{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}};
    if (f.failed_verify) entry["failed_verify"] = true;
    files.push_back(std::move(entry));
  }
  const nlohmann::json json = {{"repo", record.repo}, {"endpoint", record.endpoint}, {"files", files}};
  write_file_atomic(model_folder / kDownloadRecordName, json.dump(2) + "\n");
}

}  // namespace sa3
