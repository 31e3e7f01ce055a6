// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's export_zip(): the fal trainer's flat zip of audio files and `<stem>.txt` captions.
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <set>

#include "sa3/dataset.h"
#include "zip_archive.h"

namespace sa3 {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

// Flat names must stay unique even on case-insensitive file systems, for audio and caption.
std::string unique_stem(const fs::path& audio, std::set<std::string>& used) {
  const std::string stem = audio.stem().string();
  std::string candidate = stem;
  for (int n = 2; used.count(lower(candidate)); ++n) candidate = stem + "-" + std::to_string(n);
  used.insert(lower(candidate));
  return candidate;
}

void add_file(dataset::ZipArchive& za, const fs::path& file, const std::string& name, bool compress) {
  zip_source_t* source = zip_source_file(za.get(), file.c_str(), 0, -1);
  if (!source) za.fail("cannot read " + file.string(), true);
  const zip_int64_t index = zip_file_add(za.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    za.fail("cannot add " + name, true);
  }
  // Audio is already compressed or barely compressible; storing it keeps export I/O-bound.
  zip_set_file_compression(za.get(), zip_uint64_t(index), compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
}

struct CloseProgress {
  JobControl* job;
  double clips;
};

}  // namespace

Result<ExportReport> export_zip(const std::vector<Clip>& clips, const DatasetState& state,
                                const fs::path& zip_path, JobControl& job) {
  return capture([&] {
    ExportReport report;
    const fs::path temp = zip_path.string() + ".partial-" + std::to_string(std::random_device{}());
    std::error_code ec;
    try {
      dataset::ZipArchive za(temp, ZIP_CREATE | ZIP_TRUNCATE);
      std::set<std::string> used;
      for (const Clip& c : clips) {
        if (state.excluded.count(c.id)) continue;
        job.check_cancelled();
        if (!fs::is_regular_file(c.audio_path, ec)) throw_invalid(c.audio_path.string() + ": audio file is gone");
        const std::string stem = unique_stem(c.audio_path, used);
        const std::string audio_name = stem + lower(c.audio_path.extension().string());
        add_file(za, c.audio_path, audio_name, false);
        report.names[c.id] = audio_name;
        ++report.clips;
        if (fs::is_regular_file(c.caption_path, ec)) {
          add_file(za, c.caption_path, stem + ".txt", true);
          ++report.captions;
        }
      }
      // libzip reads and writes everything in zip_close; report and cancel from there.
      CloseProgress progress{&job, double(report.clips)};
      zip_register_progress_callback_with_state(
          za.get(), 0.01,
          [](zip_t*, double fraction, void* ud) {
            auto* p = static_cast<CloseProgress*>(ud);
            p->job->progress(fraction * p->clips, p->clips, "writing zip");
          },
          nullptr, &progress);
      zip_register_cancel_callback_with_state(
          za.get(), [](zip_t*, void* ud) { return static_cast<JobControl*>(ud)->cancelled() ? 1 : 0; }, nullptr, &job);
      try {
        za.commit();
      } catch (const Error&) {
        job.check_cancelled();  // a cancel aborts zip_close too: report it as a cancel
        throw;
      }
      fs::rename(temp, zip_path, ec);
      if (ec) throw_environment(zip_path.string() + ": cannot write (" + ec.message() + ")");
    } catch (...) {
      fs::remove(temp, ec);
      throw;
    }
    return report;
  });
}

}  // namespace sa3
