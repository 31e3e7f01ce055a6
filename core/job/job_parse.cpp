// SPDX-License-Identifier: GPL-3.0-or-later
// Job JSON -> TrainingJob, collecting every problem (unknown keys, wrong types, bad values)
// instead of stopping at the first, so a user fixes a job in one pass.
#include <cmath>
#include <limits>
#include <set>

#include "base/atomic_file.h"
#include "job/job_json.h"
#include "sa3/job.h"

namespace sa3 {
namespace {

using nlohmann::json;
using Loc = std::vector<std::string>;

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "a list";
    case json::value_t::object: return "an object";
    default: return "an unsupported value";
  }
}

class Reader {
 public:
  explicit Reader(std::vector<JobProblem>& problems) : problems_(problems) {}

  void wrong_type(const Loc& loc, const char* expected, const json& v) {
    problems_.push_back({loc, std::string("expected ") + expected + ", got " + type_name(v), "type_error"});
  }

  bool read(const Loc& loc, const json& v, std::string& out) {
    if (!v.is_string()) return wrong_type(loc, "a string", v), false;
    out = v.get<std::string>();
    return true;
  }
  bool read(const Loc& loc, const json& v, bool& out) {
    if (!v.is_boolean()) return wrong_type(loc, "true or false", v), false;
    out = v.get<bool>();
    return true;
  }
  bool read(const Loc& loc, const json& v, double& out) {
    if (!v.is_number()) return wrong_type(loc, "a number", v), false;
    out = v.get<double>();
    return true;
  }
  // Integers also accept integral floats (16.0), as fal's pydantic validation does.
  bool read(const Loc& loc, const json& v, std::int64_t& out) {
    if (v.is_number_integer()) {
      out = v.get<std::int64_t>();
      return true;
    }
    if (v.is_number_unsigned()) {
      if (v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return problems_.push_back({loc, "integer too large", "value_error"}), false;
      out = static_cast<std::int64_t>(v.get<std::uint64_t>());
      return true;
    }
    if (v.is_number_float()) {
      const double d = v.get<double>();
      if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15) {
        out = static_cast<std::int64_t>(d);
        return true;
      }
    }
    return wrong_type(loc, "an integer", v), false;
  }
  bool read(const Loc& loc, const json& v, int& out) {
    std::int64_t wide = 0;
    if (!read(loc, v, wide)) return false;
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
      return problems_.push_back({loc, "integer out of range (got " + std::to_string(wide) + ")", "value_error"}), false;
    out = static_cast<int>(wide);
    return true;
  }
  template <typename T>
  bool read(const Loc& loc, const json& v, std::vector<T>& out) {
    if (!v.is_array()) return wrong_type(loc, "a list", v), false;
    out.clear();
    bool ok = true;
    for (size_t i = 0; i < v.size(); ++i) {
      Loc item = loc;
      item.push_back(std::to_string(i));
      T value{};
      if (read(item, v[i], value))
        out.push_back(std::move(value));
      else
        ok = false;
    }
    return ok;
  }
  // null (and, for lists, []) mean "not set".
  template <typename T>
  void read_optional(const Loc& loc, const json& v, std::optional<T>& out) {
    out.reset();
    if (v.is_null()) return;
    T value{};
    if (!read(loc, v, value)) return;
    if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      if (value.empty()) return;
    }
    if constexpr (std::is_same_v<T, std::string>) {
      if (value.empty()) return;
    }
    out = std::move(value);
  }

  void unknown_key(const Loc& loc, const std::string& where) {
    problems_.push_back({loc, "unknown field '" + loc.back() + "' (not " + where + ")", "extra_forbidden"});
  }

 private:
  std::vector<JobProblem>& problems_;
};

void parse_studio(Reader& r, const json& v, StudioOptions& s) {
  for (const auto& [key, value] : v.items()) {
    const Loc loc{"body", "studio", key};
    if (key == "checkpoint_every") r.read(loc, value, s.checkpoint_every);
    else if (key == "keep_checkpoints") r.read(loc, value, s.keep_checkpoints);
    else if (key == "demo_every") r.read(loc, value, s.demo_every);
    else if (key == "demo_prompts") r.read(loc, value, s.demo_prompts);
    else if (key == "demo_seeds") r.read(loc, value, s.demo_seeds);
    else if (key == "demo_seconds") r.read(loc, value, s.demo_seconds);
    else if (key == "trigger_word") r.read(loc, value, s.trigger_word);
    else r.unknown_key(loc, "a studio option");
  }
}

}  // namespace

JobParse parse_job_value(const json& value, const JobParseOptions& options) {
  JobParse out;
  if (!value.is_object()) {
    out.problems.push_back({{"body"}, std::string("a job must be a JSON object, got ") + type_name(value), "type_error"});
    return out;
  }
  Reader r(out.problems);
  TrainingJob& job = out.job;
  std::set<std::string> bad;  // fields with a type problem: validate_job would repeat them
  for (const auto& [key, v] : value.items()) {
    const Loc loc{"body", key};
    const size_t before = out.problems.size();
    if (key == "audio_data_url") r.read(loc, v, job.audio_data_url);
    else if (key == "model") r.read(loc, v, job.model);
    else if (key == "number_of_steps") r.read(loc, v, job.number_of_steps);
    else if (key == "learning_rate") r.read(loc, v, job.learning_rate);
    else if (key == "rank") r.read(loc, v, job.rank);
    else if (key == "adapter_type") r.read(loc, v, job.adapter_type);
    else if (key == "duration") r.read_optional(loc, v, job.duration);
    else if (key == "batch_size") r.read(loc, v, job.batch_size);
    else if (key == "seed") r.read(loc, v, job.seed);
    else if (key == "base_precision") r.read(loc, v, job.base_precision);
    else if (key == "include") r.read_optional(loc, v, job.include);
    else if (key == "exclude") r.read_optional(loc, v, job.exclude);
    else if (key == "lora_checkpoint_url") r.read_optional(loc, v, job.lora_checkpoint_url);
    else if (key == "pre_encode") r.read(loc, v, job.pre_encode);
    else if (key == "studio") {
      if (v.is_null()) continue;
      if (!v.is_object()) {
        r.wrong_type(loc, "an object", v);
      } else {
        job.studio.emplace();
        parse_studio(r, v, *job.studio);
      }
    } else {
      r.unknown_key(loc, "an input of fal-ai/stable-audio-3-trainer, nor 'studio'");
    }
    if (out.problems.size() != before) bad.insert(key);
  }
  for (JobProblem& p : validate_job(job, options)) {
    const bool repeated = p.loc.size() >= 2 && bad.count(p.loc[1]) > 0;
    if (!repeated) out.problems.push_back(std::move(p));
  }
  return out;
}

JobParse parse_job(std::string_view json_text, const JobParseOptions& options) {
  json value;
  try {
    value = json::parse(json_text);
  } catch (const json::parse_error& e) {
    JobParse out;
    out.problems.push_back({{"body"}, std::string("not valid JSON: ") + e.what(), "json_invalid"});
    return out;
  }
  return parse_job_value(value, options);
}

Result<TrainingJob> load_job_file(const std::filesystem::path& path, const JobParseOptions& options) {
  return capture([&] {
    const JobParse parsed = parse_job(read_file(path), options);
    if (!parsed.ok()) {
      std::string msg = path.string() + ": invalid job\n";
      for (const JobProblem& p : parsed.problems) msg += "  " + p.field() + ": " + p.msg + "\n";
      msg.pop_back();
      throw_invalid(msg);
    }
    return parsed.job;
  });
}

}  // namespace sa3
