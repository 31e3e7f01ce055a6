// SPDX-License-Identifier: GPL-3.0-or-later
// Checking a dataset against fal's trainer rules before paying for an upload: a folder through
// the dataset lint, a zip through its listing (fal pairs `<stem>.txt` with each audio file).
#include <zip.h>

#include <map>
#include <set>

#include "dataset/audio_extensions.h"
#include "dataset/caption_file.h"
#include "dataset/zip_archive.h"
#include "sa3/dataset.h"
#include "sa3/fal.h"

namespace sa3 {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMinClips = 4, kMaxClips = 2000;

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == std::string_view::npos; }

std::string read_entry(const dataset::ZipArchive& zip, zip_uint64_t index, const std::string& name) {
  zip_file_t* f = zip_fopen_index(zip.get(), index, 0);
  if (!f) zip.fail("cannot read " + name);
  std::string out;
  char buf[8192];
  zip_int64_t n;
  while ((n = zip_fread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > (1u << 20)) break;  // a caption is text; a huge one is caught by its length anyway
  }
  zip_fclose(f);
  if (n < 0) zip.fail("cannot read " + name);
  return out;
}

void check_zip(const fs::path& path, FalDatasetCheck& out, JobControl& job) {
  const dataset::ZipArchive zip(path, ZIP_RDONLY);
  const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
  std::map<std::string, std::string> audio;            // stem path -> entry name
  std::map<std::string, zip_uint64_t> captions;        // stem path -> index
  for (zip_int64_t i = 0; i < count; ++i) {
    job.check_cancelled();
    const char* raw = zip_get_name(zip.get(), static_cast<zip_uint64_t>(i), 0);
    if (!raw) continue;
    const std::string name(raw);
    const fs::path p(name);
    if (name.empty() || name.back() == '/' || name.rfind("__MACOSX/", 0) == 0 || p.filename().string().rfind('.', 0) == 0)
      continue;
    const std::string stem = (p.parent_path() / p.stem()).string();
    if (dataset::is_audio_file(p)) {
      if (!audio.emplace(stem, name).second)
        out.errors.push_back(name + ": another audio file in the zip has the same name, so they would share one caption");
    } else if (dataset::is_caption_file(p)) {
      captions[stem] = static_cast<zip_uint64_t>(i);
    } else {
      out.warnings.push_back(name + ": not a supported audio file or caption; fal ignores it");
    }
  }
  for (const auto& [stem, name] : audio) {
    const auto caption = captions.find(stem);
    if (caption == captions.end()) {
      out.errors.push_back(name + ": no caption (" + stem + ".txt) in the zip");
      continue;
    }
    const std::string text = read_entry(zip, caption->second, stem + ".txt");
    if (!dataset::is_valid_utf8(text))
      out.errors.push_back(stem + ".txt: caption is not valid UTF-8; re-save it as UTF-8");
    else if (blank(text))
      out.errors.push_back(stem + ".txt: caption is empty");
  }
  for (const auto& [stem, index] : captions)
    if (!audio.count(stem)) out.warnings.push_back(stem + ".txt: caption without an audio file");
  out.clips = audio.size();
  std::error_code ec;
  out.bytes = fs::file_size(path, ec);
}

void check_folder(const fs::path& root, FalDatasetCheck& out, JobControl& job) {
  auto scan = scan_dataset(root, job);
  if (!scan) {
    if (scan.error().cancelled()) throw Cancelled();
    throw_invalid(scan.error().message);
  }
  auto state = load_dataset_state(root);
  if (!state) throw_invalid(state.error().message);
  LintOptions options;
  options.min_clips = kMinClips;
  options.max_clips = kMaxClips;
  for (const Issue& issue : lint(scan->clips, *state, options)) {
    if (issue.severity == Severity::Error)
      out.errors.push_back(issue.message);
  }
  for (const Clip& clip : scan->clips) {
    if (state->excluded.count(clip.id)) continue;
    ++out.clips;
    std::error_code ec;
    out.bytes += fs::file_size(clip.audio_path, ec);
    if (clip.has_caption) out.bytes += clip.caption.size();
  }
}

}  // namespace

Result<FalDatasetCheck> check_dataset_for_fal(const fs::path& dataset, JobControl& job) {
  return capture([&] {
    FalDatasetCheck out;
    if (fs::is_directory(dataset)) {
      check_folder(dataset, out, job);
    } else if (fs::is_regular_file(dataset)) {
      check_zip(dataset, out, job);
      if (out.clips < kMinClips || out.clips > kMaxClips)
        out.errors.push_back(dataset.string() + ": " + std::to_string(out.clips) + " clips; fal's trainer takes " +
                             std::to_string(kMinClips) + " to " + std::to_string(kMaxClips));
    } else {
      throw_invalid(dataset.string() + ": no such folder or zip");
    }
    return out;
  });
}

}  // namespace sa3
