// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's scan_dataset() and scan_clip(): walk a folder, read headers and captions only.
#include <algorithm>
#include <system_error>

#include "audio/sound_file.h"
#include "audio_extensions.h"
#include "caption_file.h"
#include "sa3/dataset.h"

namespace sa3 {

namespace fs = std::filesystem;

namespace {

// Hidden entries (.sa3studio, .git, macOS `._x.wav` resource forks) and macOS zip debris are
// never part of a dataset.
bool is_ignored(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.empty() || name[0] == '.' || name == "__MACOSX";
}

Clip read_clip(const fs::path& root, const fs::path& audio) {
  Clip clip;
  clip.audio_path = audio;
  clip.id = audio.lexically_relative(root).generic_string();
  clip.name = audio.filename().string();
  clip.caption_path = dataset::caption_path_for(audio);
  std::error_code ec;
  clip.file_size = fs::file_size(audio, ec);
  try {
    const AudioInfo info = audio::SoundFile(audio).info();
    clip.format = info.format;
    clip.sample_rate = info.sample_rate;
    clip.channels = info.channels;
    clip.frames = info.frames;
    clip.duration_s = info.duration_s;
  } catch (const Error& e) {
    clip.header_error = e.what();
  }
  const dataset::CaptionText caption = dataset::read_caption(clip.caption_path);
  clip.has_caption = caption.exists;
  clip.caption = caption.text;
  clip.caption_utf8 = caption.utf8;
  return clip;
}

fs::path canonical_folder(const fs::path& root) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(root, ec);
  if (ec) throw_invalid(root.string() + ": cannot open dataset folder (" + ec.message() + ")");
  if (!fs::is_directory(canonical)) throw_invalid(root.string() + ": not a folder");
  return canonical;
}

}  // namespace

Result<DatasetScan> scan_dataset(const fs::path& root, JobControl& job) {
  return capture([&] {
    DatasetScan scan;
    scan.root = canonical_folder(root);
    std::vector<fs::path> audio_files;
    std::error_code ec;
    fs::recursive_directory_iterator it(scan.root, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw_invalid(scan.root.string() + ": cannot list folder (" + ec.message() + ")");
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) throw_invalid(it->path().string() + ": cannot list folder (" + ec.message() + ")");
      if (is_ignored(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && dataset::is_audio_file(it->path())) audio_files.push_back(it->path());
    }
    std::sort(audio_files.begin(), audio_files.end());
    scan.clips.reserve(audio_files.size());
    for (size_t i = 0; i < audio_files.size(); ++i) {
      job.check_cancelled();
      scan.clips.push_back(read_clip(scan.root, audio_files[i]));
      job.progress(double(i + 1), double(audio_files.size()), scan.clips.back().id);
    }
    std::sort(scan.clips.begin(), scan.clips.end(), [](const Clip& a, const Clip& b) { return a.id < b.id; });
    return scan;
  });
}

Result<Clip> scan_clip(const fs::path& root, const fs::path& audio) {
  return capture([&] {
    const fs::path base = canonical_folder(root);
    std::error_code ec;
    const fs::path file = fs::canonical(audio, ec);
    if (ec || !fs::is_regular_file(file)) throw_invalid(audio.string() + ": no such audio file");
    const fs::path rel = file.lexically_relative(base);
    if (rel.empty() || *rel.begin() == "..")
      throw_invalid(audio.string() + ": not inside the dataset folder " + base.string());
    if (!dataset::is_audio_file(file)) throw_invalid(audio.string() + ": not a supported audio file");
    return read_clip(base, file);
  });
}

}  // namespace sa3
