// SPDX-License-Identifier: GPL-3.0-or-later
// Model status from the files on disk and the download record.
#include "model_scanner.h"

#include <fstream>
#include <optional>
#include <set>

#include "base/file_hashing.h"
#include "download_record.h"
#include "model_folder.h"
#include "io/safetensors_reader.h"
#include "sa3/error.h"

namespace sa3 {

namespace {

namespace fs = std::filesystem;

void raise(ModelStatus& status, ModelState state) {
  // Corrupt outranks Incomplete outranks Present: the worst finding is what the user sees.
  auto rank = [](ModelState s) { return s == ModelState::Corrupt ? 3 : s == ModelState::Incomplete ? 2 : 1; };
  if (rank(state) > rank(status.state)) status.state = state;
}

std::uint64_t size_or_zero(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

// `git clone` without git-lfs leaves ~130-byte pointer files where the weights should be.
bool is_lfs_pointer(const fs::path& file) {
  static const std::string kSpec = "version https://git-lfs.github.com/spec/";
  if (size_or_zero(file) > 1024) return false;
  std::ifstream in(file, std::ios::binary);
  std::string head(kSpec.size(), '\0');
  return in.read(head.data(), static_cast<std::streamsize>(head.size())) && head == kSpec;
}

void check_header(ModelStatus& status, const fs::path& file) {
  try {
    // Opening validates the whole header: offsets inside the file, so truncation shows.
    SafetensorsFile::open(file);
  } catch (const Error& e) {
    status.problems.push_back(e.what());
    raise(status, ModelState::Corrupt);
  }
}

void scan_comfy(ModelStatus& status, const ModelFiles& files) {
  status.state = ModelState::Present;
  status.size_bytes = size_or_zero(files.checkpoint) + size_or_zero(files.t5gemma_weights);
  check_header(status, files.checkpoint);
  if (fs::exists(files.t5gemma_weights)) {
    check_header(status, files.t5gemma_weights);
  } else {
    status.problems.push_back(files.t5gemma_weights.string() +
                              ": missing (the ComfyUI layout needs the T5Gemma text encoder beside the checkpoints)");
    raise(status, ModelState::Incomplete);
  }
}

void scan_hugging_face(ModelStatus& status, const ModelFiles& files) {
  const fs::path& folder = files.folder;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;  // Missing
  std::set<std::string> partial;
  std::uint64_t on_disk = 0;
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    // Our own bookkeeping files (.sa3-download.json, .sa3-download.lock) are not the model.
    if (!it->is_regular_file(ec) || it->path().filename().string().rfind(".sa3-", 0) == 0) continue;
    on_disk += size_or_zero(it->path());
    if (it->path().extension() == ".part") {
      fs::path stem = it->path();
      stem.replace_extension();
      partial.insert(stem.lexically_relative(folder).generic_string());
    }
  }
  status.size_bytes = on_disk;

  std::optional<DownloadRecord> record;
  try {
    record = read_download_record(folder);
  } catch (const Error& e) {
    status.problems.push_back(e.what());
    raise(status, ModelState::Corrupt);
  }
  status.has_download_record = record.has_value();

  std::set<std::string> expected(required_repo_files().begin(), required_repo_files().end());
  if (record) {
    for (const RecordedFile& f : record->files) {
      expected.insert(f.path);
      status.expected_bytes += f.size;
    }
  }
  std::size_t found = 0;
  status.state = ModelState::Present;
  for (const std::string& rel : expected) {
    const fs::path path = folder / rel;
    const bool exists = fs::exists(path, ec);
    found += exists ? 1 : 0;
    if (partial.count(rel)) {
      status.problems.push_back(path.string() + ": partly downloaded (" + std::to_string(size_or_zero(path.string() + ".part")) +
                                " bytes so far)");
      raise(status, ModelState::Incomplete);
    } else if (!exists) {
      status.problems.push_back(path.string() + ": missing");
      raise(status, ModelState::Incomplete);
    }
    if (!exists) continue;
    if (is_lfs_pointer(path)) {
      status.problems.push_back(path.string() + ": a Git LFS pointer, not the file itself (run `git lfs pull` there, or `sa3 models download " +
                                status.info.id + "`)");
      raise(status, ModelState::Incomplete);
      continue;
    }
    if (const RecordedFile* recorded = record ? record->find(rel) : nullptr) {
      const std::uint64_t size = size_or_zero(path);
      if (size != recorded->size) {
        status.problems.push_back(path.string() + ": " + std::to_string(size) + " bytes, but the hub announced " +
                                  std::to_string(recorded->size));
        raise(status, ModelState::Corrupt);
        continue;
      }
      if (recorded->failed_verify) {
        status.problems.push_back(path.string() + ": failed verification (sha256 differs from the hub's)");
        raise(status, ModelState::Corrupt);
        continue;
      }
    }
    if (path.extension() == ".safetensors") check_header(status, path);
  }
  if (found == 0 && partial.empty()) {
    status.state = ModelState::Missing;
    status.problems.clear();
  }
}

}  // namespace

ModelStatus scan_model(const fs::path& models_dir, const ModelInfo& info) {
  ModelStatus status;
  status.info = info;
  const ModelFiles files = find_model_files(models_dir, info.id);
  status.layout = files.layout;
  status.folder = files.folder;
  if (files.layout == ModelLayout::ComfyUI)
    scan_comfy(status, files);
  else
    scan_hugging_face(status, files);
  return status;
}

void check_recorded_hashes(ModelStatus& status, JobControl& job) {
  if (status.layout != ModelLayout::HuggingFace || status.state == ModelState::Missing) return;
  std::optional<DownloadRecord> record = read_download_record(status.folder);
  if (!record) return;
  std::uint64_t total = 0;
  for (const RecordedFile& f : record->files) total += f.size;
  std::uint64_t done = 0;
  bool record_changed = false;
  for (RecordedFile& f : record->files) {
    const fs::path path = status.folder / f.path;
    if (!fs::exists(path) || size_or_zero(path) != f.size || f.failed_verify) {
      done += f.size;  // already reported by the scan
      continue;
    }
    const std::string actual = sha256_file_hex(path, job, [&](std::uint64_t n) {
      done += n;
      job.progress(static_cast<double>(done), static_cast<double>(total), f.path);
    });
    if (actual != f.sha256) {
      status.problems.push_back(path.string() + ": sha256 " + actual + ", but the hub announced " + f.sha256 +
                                " (run `sa3 models download " + status.info.id + "` to fetch it again)");
      raise(status, ModelState::Corrupt);
      f.failed_verify = true;
      record_changed = true;
    }
  }
  if (record_changed) write_download_record(status.folder, *record);
  job.progress(static_cast<double>(total), static_cast<double>(total));
  status.hashes_checked = true;
}

}  // namespace sa3
