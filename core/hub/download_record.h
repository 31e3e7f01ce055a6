// SPDX-License-Identifier: GPL-3.0-or-later
// `.sa3-download.json`: what the hub announced for each file of a downloaded model (path, size,
// sha256), written as each file lands, so status and verify can tell a corrupt file from a good one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sa3 {

struct RecordedFile {
  std::string path;    // repo path, '/'-separated ("t5gemma-b-b-ul2/model.safetensors")
  std::uint64_t size = 0;
  std::string sha256;  // lowercase hex of the whole file
  // Set by verify when the file on disk no longer has this hash: status says Corrupt and the
  // next download fetches the file again.
  bool failed_verify = false;
};

struct DownloadRecord {
  std::string repo;      // "stabilityai/stable-audio-3-medium"
  std::string endpoint;  // the hub it came from
  std::vector<RecordedFile> files;

  const RecordedFile* find(const std::string& path) const;
  void put(RecordedFile file);  // adds or replaces by path
};

inline constexpr const char* kDownloadRecordName = ".sa3-download.json";

// std::nullopt when the folder has no record; throws sa3::Error (InvalidInput) naming the file
// when it exists but cannot be parsed.
std::optional<DownloadRecord> read_download_record(const std::filesystem::path& model_folder);
// Atomic; throws sa3::Error (Environment) naming the file.
void write_download_record(const std::filesystem::path& model_folder, const DownloadRecord& record);

}  // namespace sa3
