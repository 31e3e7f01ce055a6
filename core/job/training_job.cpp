// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingJob rules: fal's enumerations and ranges, cross-field checks, and problem rendering.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "job/job_json.h"
#include "sa3/job.h"

namespace sa3 {
namespace {

std::string one_of(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

bool contains(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

void check_range(std::vector<JobProblem>& out, std::vector<std::string> loc, double value, double lo,
                 double hi, const std::string& shown) {
  if (value >= lo && value <= hi) return;
  std::ostringstream msg;
  msg << "must be between " << lo << " and " << hi << " (got " << shown << ")";
  out.push_back({std::move(loc), msg.str(), "value_error"});
}

void check_patterns(std::vector<JobProblem>& out, const char* key,
                    const std::optional<std::vector<std::string>>& patterns) {
  if (!patterns) return;
  for (size_t i = 0; i < patterns->size(); ++i)
    if (auto why = pattern_problem((*patterns)[i]))
      out.push_back({{"body", key, std::to_string(i)}, "pattern '" + (*patterns)[i] + "': " + *why, "value_error"});
}

void check_studio(std::vector<JobProblem>& out, const StudioOptions& s) {
  auto loc = [](const char* key) { return std::vector<std::string>{"body", "studio", key}; };
  if (s.checkpoint_every < 1)
    out.push_back({loc("checkpoint_every"), "must be at least 1 (got " + std::to_string(s.checkpoint_every) + ")", "value_error"});
  if (s.keep_checkpoints < 1)
    out.push_back({loc("keep_checkpoints"), "must be at least 1 (got " + std::to_string(s.keep_checkpoints) + ")", "value_error"});
  if (s.demo_every < 0)
    out.push_back({loc("demo_every"), "must be 0 (no demos) or more (got " + std::to_string(s.demo_every) + ")", "value_error"});
  if (!(s.demo_seconds > 0) || !std::isfinite(s.demo_seconds))
    out.push_back({loc("demo_seconds"), "must be a positive number of seconds", "value_error"});
  for (size_t i = 0; i < s.demo_prompts.size(); ++i)
    if (s.demo_prompts[i].find_first_not_of(" \t\r\n") == std::string::npos)
      out.push_back({{"body", "studio", "demo_prompts", std::to_string(i)}, "a demo prompt must not be empty", "value_error"});
}

}  // namespace

const std::vector<std::string>& training_models() {
  static const std::vector<std::string> v{"medium-base", "small-music-base", "small-sfx-base"};
  return v;
}

const std::vector<std::string>& adapter_types() {
  static const std::vector<std::string> v{"lora",  "dora",    "dora-rows",    "dora-cols",   "bora",
                                          "lora-xs", "dora-rows-xs", "dora-cols-xs", "bora-xs"};
  return v;
}

const std::vector<std::string>& base_precisions() {
  static const std::vector<std::string> v{"bf16", "bfloat16", "fp16", "float16"};
  return v;
}

bool is_xs_adapter(std::string_view adapter_type) {
  return adapter_type.size() > 3 && adapter_type.substr(adapter_type.size() - 3) == "-xs";
}

std::string inference_model_for(std::string_view base_model) {
  if (!contains(training_models(), std::string(base_model))) return {};
  return std::string(base_model.substr(0, base_model.size() - std::string_view("-base").size()));
}

std::string JobProblem::field() const {
  std::string out;
  for (size_t i = (!loc.empty() && loc[0] == "body") ? 1 : 0; i < loc.size(); ++i)
    out += (out.empty() ? "" : ".") + loc[i];
  return out.empty() ? "body" : out;
}

std::vector<JobProblem> validate_job(const TrainingJob& job, const JobParseOptions& options) {
  std::vector<JobProblem> out;
  if (options.require_audio_data_url && job.audio_data_url.empty())
    out.push_back({{"body", "audio_data_url"}, "required: the URL (or local path) of the dataset zip", "missing"});
  if (!contains(training_models(), job.model))
    out.push_back({{"body", "model"}, "must be one of " + one_of(training_models()) + " (got '" + job.model + "')", "enum"});
  check_range(out, {"body", "number_of_steps"}, job.number_of_steps, kMinSteps, kMaxSteps, std::to_string(job.number_of_steps));
  if (!(job.learning_rate > 0 && job.learning_rate <= 1) || !std::isfinite(job.learning_rate)) {
    std::ostringstream got;
    got << job.learning_rate;
    out.push_back({{"body", "learning_rate"}, "must be greater than 0 and at most 1 (got " + got.str() + ")", "value_error"});
  }
  if (!contains(adapter_types(), job.adapter_type))
    out.push_back({{"body", "adapter_type"}, "must be one of " + one_of(adapter_types()) + " (got '" + job.adapter_type + "')", "enum"});
  const int max_rank = is_xs_adapter(job.adapter_type) ? kMaxXsRank : kMaxRank;
  if (job.rank > kMaxXsRank && job.rank <= kMaxRank && is_xs_adapter(job.adapter_type))
    out.push_back({{"body", "rank"}, "-xs adapters need rank at most 17 (got " + std::to_string(job.rank) + " with " + job.adapter_type + ")", "value_error"});
  else
    check_range(out, {"body", "rank"}, job.rank, kMinRank, max_rank, std::to_string(job.rank));
  if (job.duration && (!(*job.duration > 0) || !std::isfinite(*job.duration)))
    out.push_back({{"body", "duration"}, "must be a positive number of seconds, or null for the longest clip", "value_error"});
  check_range(out, {"body", "batch_size"}, job.batch_size, kMinBatchSize, kMaxBatchSize, std::to_string(job.batch_size));
  if (!contains(base_precisions(), job.base_precision))
    out.push_back({{"body", "base_precision"}, "must be one of " + one_of(base_precisions()) + " (got '" + job.base_precision + "')", "enum"});
  check_patterns(out, "include", job.include);
  check_patterns(out, "exclude", job.exclude);
  if (job.studio) check_studio(out, *job.studio);
  return out;
}

nlohmann::json problems_to_detail_value(const std::vector<JobProblem>& problems) {
  nlohmann::json detail = nlohmann::json::array();
  for (const JobProblem& p : problems) {
    nlohmann::json loc = nlohmann::json::array();
    for (const std::string& part : p.loc) {
      const bool index = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (index)
        loc.push_back(std::stoll(part));
      else
        loc.push_back(part);
    }
    detail.push_back({{"loc", loc}, {"msg", p.msg}, {"type", p.type}});
  }
  return {{"detail", detail}};
}

std::string problems_to_detail_json(const std::vector<JobProblem>& problems) {
  return problems_to_detail_value(problems).dump(2);
}

std::string describe_problems(const std::vector<JobProblem>& problems) {
  std::string out;
  for (const JobProblem& p : problems) out += p.field() + ": " + p.msg + "\n";
  return out;
}

}  // namespace sa3
