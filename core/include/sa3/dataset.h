// SPDX-License-Identifier: GPL-3.0-or-later
// The dataset facade: a folder of audio clips with sibling `<stem>.txt` captions, as fal's
// trainer and upstream SA3 take it. Scan, QC, lint, caption saving, side state, zip export/import.
//
// Lifecycle: a dataset is plain data. scan_dataset() returns a DatasetScan whose clips know
//   their headers and captions; analyse_clips() fills each Clip::qc in the background; lint()
//   and summarise() are pure functions of the clips, re-run whenever captions or QC change.
// Ownership: every struct is a value; nothing holds a file open between calls. The caller owns
//   the JobControl and the callbacks and keeps them alive until the call returns.
// Threading: scan_dataset, analyse_clips, export_zip and import_zip are long and synchronous:
//   call them off the GUI thread. analyse_clips runs `QcOptions::threads` workers itself and
//   serialises on_clip and progress calls (one at a time, from the calling thread or a worker), so
//   a UI can forward them with queued signals. Everything else is fast, reentrant and
//   thread-safe on distinct data.
// Errors: every function returns sa3::Result / sa3::Status; failures name the file or field.
//   A clip that cannot be decoded does not fail a scan or QC: it gets Clip::header_error or
//   ClipQc::decode_error and lint reports it. Caption and state writes are atomic (temp +
//   fsync + rename); audio files are never written, moved or deleted.
// Cancellation: long calls check JobControl::cancelled() between clips (or zip entries) and
//   return a Failure with cancelled() == true; a cancelled import removes the files it wrote.
//
//   sa3::JobControl job;
//   auto scan = sa3::scan_dataset("/music/loops", job);        // headers only: fast
//   if (!scan) { show(scan.error().message); return; }
//   sa3::analyse_clips(scan->clips, {}, job, [](size_t i, const sa3::ClipQc& qc) { row(i, qc); });
//   auto state = sa3::load_dataset_state(scan->root);
//   auto issues = sa3::lint(scan->clips, *state, {.native_length_s = 120});
//   sa3::save_caption(scan->clips[0], "warm analog pad, 90 bpm");
//   sa3::export_zip(scan->clips, *state, "/tmp/loops.zip", job);
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sa3/error.h"
#include "sa3/job_control.h"

namespace sa3 {

// What a full decode of one clip found (analyse_clip / analyse_clips).
struct ClipQc {
  std::string decode_error;        // non-empty when the audio could not be decoded; rest unset
  std::string content_hash;        // SHA-256 (hex) of the audio file's bytes: duplicate detection
  int64_t decoded_frames = 0;      // frames actually decoded (headers can lie)
  double peak = 0;                 // max |sample| over all channels, 1.0 = full scale
  double peak_dbfs = -120;         // 20·log10(peak), floored at -120
  double rms_dbfs = -120;          // RMS over all samples and channels, dBFS
  double loudness_lufs = -120;     // EBU R128 integrated loudness; -120 when silent or too short
  int64_t clipped_samples = 0;     // samples with |x| >= kClipThreshold
  double leading_silence_s = 0;    // from the start until the first sample above -60 dBFS
  double trailing_silence_s = 0;   // from the last sample above -60 dBFS to the end
  std::vector<float> waveform_min; // kWaveformBins per-bin minima over all channels, in [-1, 1]
  std::vector<float> waveform_max; // per-bin maxima; bins span the whole clip evenly
};

inline constexpr double kClipThreshold = 0.999;   // |sample| at or above counts as clipped
inline constexpr double kSilenceDbfs = -60.0;     // below this a sample counts as silence
inline constexpr size_t kWaveformBins = 1024;     // thumbnail resolution of ClipQc

// One audio file and its sibling caption, known from headers (scan) and later from QC.
struct Clip {
  std::string id;                         // path relative to the dataset root, '/'-separated
  std::string name;                       // file name, e.g. "kick.wav"
  std::filesystem::path audio_path;       // absolute
  std::filesystem::path caption_path;     // absolute `<stem>.txt` next to the audio
  bool has_caption = false;               // the .txt exists
  std::string caption;                    // its bytes as read (may be non-UTF-8; see caption_utf8)
  bool caption_utf8 = true;
  std::string format;                     // "wav", "flac", "ogg", "opus", "mp3", "aiff"
  int sample_rate = 0;
  int channels = 0;
  int64_t frames = 0;
  double duration_s = 0;
  uint64_t file_size = 0;
  std::string header_error;               // non-empty when the header could not be read
  std::optional<ClipQc> qc;               // set by analyse_clips
};

struct DatasetScan {
  std::filesystem::path root;             // absolute, canonical
  std::vector<Clip> clips;                // sorted by id
};

// File extensions scanned as audio (lowercase, with the dot).
const std::vector<std::string>& supported_audio_extensions();

// Walks `root` recursively (skipping hidden files and folders such as .sa3studio, and
// __MACOSX) and reads each audio file's header (no decoding) and its caption. Symlinked folders
// are not followed. Progress counts clips read, after a listing pass that reports nothing.
Result<DatasetScan> scan_dataset(const std::filesystem::path& root, JobControl& job);
// Reads one clip's header and caption; `root` gives its id. For files added one at a time.
Result<Clip> scan_clip(const std::filesystem::path& root, const std::filesystem::path& audio);

struct QcOptions {
  unsigned threads = 0;  // worker threads; 0 = min(hardware threads, 4)
};
// Decodes one clip once and computes everything in ClipQc. A decode failure is reported in
// ClipQc::decode_error, not as a Failure.
Result<ClipQc> analyse_clip(const Clip& clip);
// Analyses every clip in parallel, storing each result in clips[i].qc and calling
// on_clip(i, qc) as each finishes (serialised; see Threading). Progress counts clips.
// `clips` must not be touched by the caller until the call returns.
Status analyse_clips(std::vector<Clip>& clips, const QcOptions& options, JobControl& job,
                     const std::function<void(size_t index, const ClipQc& qc)>& on_clip = {});

// Per-dataset studio state in `<root>/.sa3studio/dataset.json` (spec/contracts.md).
struct DatasetState {
  std::set<std::string> excluded;      // clip ids left out of training and export
  std::set<std::string> acknowledged;  // Issue::key() values the user chose to hide
  std::string trigger_word;            // expected in every caption when non-empty
  bool operator==(const DatasetState&) const = default;
};
// A missing file gives the default state; a corrupt one is an error naming it.
Result<DatasetState> load_dataset_state(const std::filesystem::path& root);
Status save_dataset_state(const std::filesystem::path& root, const DatasetState& state);

// Replaces the clip's sibling .txt atomically (creating it if absent). Touches nothing else.
// `text` must be valid UTF-8.
Status save_caption(const Clip& clip, std::string_view text);

enum class Severity { Info, Warning, Error };  // Error blocks training and the fal upload
const char* to_string(Severity severity);

struct Issue {
  Severity severity = Severity::Warning;
  std::string rule;     // stable id, e.g. "caption-missing", "too-long"; see lint.cpp
  std::string message;  // one sentence for the user, naming the file
  std::string clip;     // Clip::id; empty for dataset-wide issues
  std::string field;    // "caption", "audio", "duration", "dataset"
  bool acknowledged = false;  // in DatasetState::acknowledged (warnings and info only)
  std::string key() const { return rule + ":" + clip; }
};

struct LintOptions {
  double native_length_s = 120;    // clips longer than this get cropped: model_native_length_s()
  double min_length_s = 1;
  size_t min_clips = 4;            // fal's limits
  size_t max_clips = 2000;
  size_t max_caption_tokens = 256; // T5Gemma's window
};
// Lints the clips not excluded in `state`. Duplicate-audio checks use ClipQc::content_hash
// and QC rules (decode errors, clipping, silence) only apply to clips with qc set.
std::vector<Issue> lint(const std::vector<Clip>& clips, const DatasetState& state,
                        const LintOptions& options);
// Native length of a model id (contracts.md): medium* 380 s, small* 120 s.
Result<double> model_native_length_s(std::string_view model_id);
// Approximate T5Gemma token count of a caption until the tokenizer exists (errs high).
size_t approximate_token_count(std::string_view caption);

struct DurationBin {
  double from_s = 0;
  double to_s = 0;   // infinity for the last bin
  size_t count = 0;
};
struct DatasetSummary {
  size_t clip_count = 0;          // clips not excluded
  size_t excluded_count = 0;
  double total_duration_s = 0;    // of clips not excluded
  double min_duration_s = 0;
  double max_duration_s = 0;
  std::vector<DurationBin> duration_histogram;  // fixed edges: 0,1,5,10,30,60,120,380,inf
  std::map<int, size_t> sample_rates;           // rate → clips
  std::map<int, size_t> channel_counts;         // channels → clips
  std::map<std::string, size_t> formats;        // format → clips
};
DatasetSummary summarise(const std::vector<Clip>& clips, const DatasetState& state);

struct ExportReport {
  size_t clips = 0;     // audio files written
  size_t captions = 0;  // .txt files written
  std::map<std::string, std::string> names;  // clip id → name inside the zip
};
// Writes a flat zip (audio + `<stem>.txt`, names made unique) of the clips not excluded.
// Written to a temp file and renamed over `zip_path` when complete. Progress counts clips.
Result<ExportReport> export_zip(const std::vector<Clip>& clips, const DatasetState& state,
                                const std::filesystem::path& zip_path, JobControl& job);

struct ImportLimits {
  uint64_t max_total_bytes = 16ull << 30;  // sum of uncompressed sizes
  uint64_t max_entries = 20000;
};
struct ImportReport {
  std::vector<std::filesystem::path> written;  // files created under dest_dir
  std::vector<std::string> skipped;            // entries ignored (not audio or caption)
};
// Extracts the audio and .txt entries of `zip_path` under `dest_dir` (created if needed).
// Refuses, before writing anything: zip-slip and absolute paths, symlinks, more than
// max_entries entries or max_total_bytes, and any entry whose target file already exists.
// Progress counts bytes.
Result<ImportReport> import_zip(const std::filesystem::path& zip_path,
                                const std::filesystem::path& dest_dir, JobControl& job,
                                const ImportLimits& limits = {});

}  // namespace sa3
