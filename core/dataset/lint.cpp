// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's lint(): every dataset rule, as Issue values. Errors are what fal's trainer or
// ours would reject (see spec/product.md, "Check a fal upload before sending"); warnings are
// what would train but probably not as the user meant.
//
// Rules: header-error, decode-error, caption-missing, caption-empty, caption-not-utf8 (errors);
// caption-too-long, caption-duplicate, trigger-missing, audio-duplicate, basename-duplicate,
// too-short, too-long, silent, clipping (warnings); silence-edges (info);
// too-few-clips, too-many-clips (dataset errors).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "sa3/dataset.h"

namespace sa3 {

namespace {

// Whitespace and a leading UTF-8 byte-order mark (Windows editors add one) carry no caption.
std::string trimmed(const std::string& s) {
  const size_t bom = s.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  const auto first = s.find_first_not_of(" \t\r\n\f\v", bom);
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(first, last - first + 1);
}

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

class Linter {
 public:
  Linter(const DatasetState& state, const LintOptions& options) : state_(state), options_(options) {}

  void add(Severity severity, const char* rule, const std::string& clip, const char* field, std::string message) {
    Issue issue{severity, rule, std::move(message), clip, field, false};
    issue.acknowledged = severity != Severity::Error && state_.acknowledged.count(issue.key()) > 0;
    issues_.push_back(std::move(issue));
  }

  void clip_rules(const Clip& c) {
    if (!c.header_error.empty()) {
      add(Severity::Error, "header-error", c.id, "audio", c.header_error);
    } else {
      if (c.duration_s < options_.min_length_s)
        add(Severity::Warning, "too-short", c.id, "duration",
            c.id + ": " + seconds(c.duration_s) + " is shorter than " + seconds(options_.min_length_s));
      if (c.duration_s > options_.native_length_s)
        add(Severity::Warning, "too-long", c.id, "duration",
            c.id + ": " + seconds(c.duration_s) + " is longer than the model's " + seconds(options_.native_length_s) +
                "; training sees only a window of it");
    }
    caption_rules(c);
    if (c.qc) qc_rules(c, *c.qc);
  }

  void caption_rules(const Clip& c) {
    if (!c.has_caption) {
      add(Severity::Error, "caption-missing", c.id, "caption", c.id + ": no caption file " + c.caption_path.filename().string());
      return;
    }
    if (!c.caption_utf8) {
      add(Severity::Error, "caption-not-utf8", c.id, "caption", c.id + ": caption is not valid UTF-8; re-save it as UTF-8");
      return;
    }
    const std::string text = trimmed(c.caption);
    if (text.empty()) {
      add(Severity::Error, "caption-empty", c.id, "caption", c.id + ": caption is empty");
      return;
    }
    const size_t tokens = approximate_token_count(text);
    if (tokens > options_.max_caption_tokens)
      add(Severity::Warning, "caption-too-long", c.id, "caption",
          c.id + ": caption is about " + std::to_string(tokens) + " tokens; the text encoder reads only " +
              std::to_string(options_.max_caption_tokens));
    if (!state_.trigger_word.empty() && text.find(state_.trigger_word) == std::string::npos)
      add(Severity::Warning, "trigger-missing", c.id, "caption",
          c.id + ": caption does not contain the trigger word '" + state_.trigger_word + "'");
  }

  void qc_rules(const Clip& c, const ClipQc& qc) {
    if (!qc.decode_error.empty()) {
      add(Severity::Error, "decode-error", c.id, "audio", qc.decode_error);
      return;
    }
    if (qc.peak_dbfs <= kSilenceDbfs) {
      add(Severity::Warning, "silent", c.id, "audio", c.id + ": the clip is silent");
      return;
    }
    const double samples = double(std::max<int64_t>(qc.decoded_frames, 1)) * std::max(c.channels, 1);
    // A mastered track touches full scale now and then; 0.1 % of samples is audible clipping.
    if (double(qc.clipped_samples) / samples > 0.001)
      add(Severity::Warning, "clipping", c.id, "audio",
          c.id + ": " + std::to_string(qc.clipped_samples) + " clipped samples");
    if (qc.leading_silence_s > 1.0 || qc.trailing_silence_s > 1.0)
      add(Severity::Info, "silence-edges", c.id, "audio",
          c.id + ": " + seconds(qc.leading_silence_s) + " of silence at the start and " +
              seconds(qc.trailing_silence_s) + " at the end");
  }

  // Reports every member of each group of clips sharing a key, naming one other member.
  template <typename KeyFn>
  void duplicate_rule(const std::vector<const Clip*>& clips, KeyFn key, Severity severity, const char* rule,
                      const char* field, const char* what) {
    std::map<std::string, std::vector<const Clip*>> groups;
    for (const Clip* c : clips)
      if (auto k = key(*c); !k.empty()) groups[k].push_back(c);
    for (const auto& [k, members] : groups) {
      if (members.size() < 2) continue;
      for (size_t i = 0; i < members.size(); ++i) {
        const Clip* other = members[i == 0 ? 1 : 0];
        add(severity, rule, members[i]->id, field, members[i]->id + ": " + what + " " + other->id);
      }
    }
  }

  std::vector<Issue> take() { return std::move(issues_); }

 private:
  const DatasetState& state_;
  const LintOptions& options_;
  std::vector<Issue> issues_;
};

}  // namespace

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "unknown";
}

std::vector<Issue> lint(const std::vector<Clip>& clips, const DatasetState& state, const LintOptions& options) {
  std::vector<const Clip*> included;
  for (const Clip& c : clips)
    if (!state.excluded.count(c.id)) included.push_back(&c);

  Linter linter(state, options);
  if (included.size() < options.min_clips)
    linter.add(Severity::Error, "too-few-clips", "", "dataset",
               std::to_string(included.size()) + " clips; training needs at least " + std::to_string(options.min_clips));
  if (included.size() > options.max_clips)
    linter.add(Severity::Error, "too-many-clips", "", "dataset",
               std::to_string(included.size()) + " clips; fal's trainer takes at most " + std::to_string(options.max_clips));
  for (const Clip* c : included) linter.clip_rules(*c);

  linter.duplicate_rule(
      included, [](const Clip& c) { return c.has_caption && c.caption_utf8 ? trimmed(c.caption) : std::string(); },
      Severity::Warning, "caption-duplicate", "caption", "same caption as");
  linter.duplicate_rule(
      included, [](const Clip& c) { return c.qc && c.qc->decode_error.empty() ? c.qc->content_hash : std::string(); },
      Severity::Warning, "audio-duplicate", "audio", "same audio as");
  // clip.wav and clip.flac in one folder would share clip.txt.
  linter.duplicate_rule(
      included, [](const Clip& c) { return c.caption_path.string(); }, Severity::Warning, "basename-duplicate",
      "audio", "shares its caption file with");
  return linter.take();
}

}  // namespace sa3
