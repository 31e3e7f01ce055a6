// SPDX-License-Identifier: GPL-3.0-or-later
// Text and JSON renderings of a dataset check.
#include "dataset_report.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace sa3::cli {

namespace {

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string duration(double s) {
  const int total = int(s + 0.5);
  if (total < 60) return fixed(s, 1) + " s";
  return std::to_string(total / 60) + " min " + std::to_string(total % 60) + " s";
}

std::string first_line(const std::string& caption, size_t width) {
  std::string line = caption.substr(0, caption.find('\n'));
  if (line.size() > width) line = line.substr(0, width - 3) + "...";
  return line;
}

std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

size_t count(const std::vector<Issue>& issues, Severity severity) {
  size_t n = 0;
  for (const Issue& i : issues) n += i.severity == severity && !i.acknowledged;
  return n;
}

}  // namespace

size_t count_errors(const std::vector<Issue>& issues) { return count(issues, Severity::Error); }

void print_report_text(std::ostream& out, const DatasetReport& r) {
  const DatasetSummary s = summarise(r.scan->clips, *r.state);
  out << "Dataset " << r.source << ": " << s.clip_count << " clips, " << duration(s.total_duration_s) << " total";
  if (s.excluded_count) out << ", " << s.excluded_count << " excluded";
  out << " (checked for " << r.model << ")\n\n";
  out << pad("CLIP", 32) << pad("LENGTH", 10) << pad("FORMAT", 20) << (r.qc ? pad("LUFS", 8) + pad("PEAK", 8) : "")
      << "CAPTION\n";
  for (const Clip& c : r.scan->clips) {
    std::string id = r.state->excluded.count(c.id) ? "(excluded) " + c.id : c.id;
    out << pad(id, 31) << ' ';
    if (!c.header_error.empty()) {
      out << "unreadable\n";
      continue;
    }
    out << pad(fixed(c.duration_s, 1) + " s", 10)
        << pad(c.format + " " + fixed(c.sample_rate / 1000.0, 1) + "k/" + std::to_string(c.channels), 20);
    if (r.qc) {
      const bool decoded = c.qc && c.qc->decode_error.empty();
      out << pad(decoded ? fixed(c.qc->loudness_lufs, 1) : "-", 8) << pad(decoded ? fixed(c.qc->peak_dbfs, 1) : "-", 8);
    }
    out << (c.has_caption ? first_line(c.caption, 48) : "(no caption)") << '\n';
  }
  out << '\n';
  for (const Issue& i : r.issues) {
    if (i.acknowledged) continue;
    out << pad(to_string(i.severity), 9) << i.message << " [" << i.rule << "]\n";
  }
  out << count(r.issues, Severity::Error) << " errors, " << count(r.issues, Severity::Warning) << " warnings, "
      << count(r.issues, Severity::Info) << " notes\n";
}

void print_report_json(std::ostream& out, const DatasetReport& r) {
  using nlohmann::json;
  const DatasetSummary s = summarise(r.scan->clips, *r.state);
  json clips = json::array();
  for (const Clip& c : r.scan->clips) {
    json clip = {{"id", c.id},
                 {"format", c.format},
                 {"sample_rate", c.sample_rate},
                 {"channels", c.channels},
                 {"duration_s", c.duration_s},
                 {"has_caption", c.has_caption},
                 {"caption", c.caption_utf8 ? json(c.caption) : json(nullptr)},
                 {"excluded", r.state->excluded.count(c.id) > 0}};
    if (!c.header_error.empty()) clip["error"] = c.header_error;
    if (c.qc) {
      const ClipQc& q = *c.qc;
      clip["qc"] = q.decode_error.empty()
                       ? json{{"content_hash", q.content_hash},       {"peak_dbfs", q.peak_dbfs},
                              {"rms_dbfs", q.rms_dbfs},               {"loudness_lufs", q.loudness_lufs},
                              {"clipped_samples", q.clipped_samples}, {"leading_silence_s", q.leading_silence_s},
                              {"trailing_silence_s", q.trailing_silence_s}}
                       : json{{"content_hash", q.content_hash}, {"error", q.decode_error}};
    }
    clips.push_back(std::move(clip));
  }
  json issues = json::array();
  for (const Issue& i : r.issues)
    issues.push_back({{"severity", to_string(i.severity)}, {"rule", i.rule},   {"clip", i.clip},
                      {"field", i.field},                  {"message", i.message}, {"acknowledged", i.acknowledged}});
  json histogram = json::array();
  for (const DurationBin& b : s.duration_histogram)
    histogram.push_back({{"from_s", b.from_s}, {"to_s", std::isinf(b.to_s) ? json(nullptr) : json(b.to_s)}, {"count", b.count}});
  json rates = json::object(), channels = json::object();
  for (const auto& [rate, n] : s.sample_rates) rates[std::to_string(rate)] = n;
  for (const auto& [ch, n] : s.channel_counts) channels[std::to_string(ch)] = n;
  const json doc = {{"source", r.source},
                    {"model", r.model},
                    {"summary",
                     {{"clips", s.clip_count},
                      {"excluded", s.excluded_count},
                      {"total_duration_s", s.total_duration_s},
                      {"duration_histogram", histogram},
                      {"sample_rates", rates},
                      {"channels", channels}}},
                    {"clips", clips},
                    {"issues", issues},
                    {"errors", count(r.issues, Severity::Error)},
                    {"warnings", count(r.issues, Severity::Warning)}};
  // File names need not be UTF-8; replace what is not rather than fail the report.
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace sa3::cli
