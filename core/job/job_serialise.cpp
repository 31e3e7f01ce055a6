// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingJob -> JSON in fal's field order; with `studio` for run folders, without for fal.
#include "job/job_json.h"
#include "sa3/job.h"

namespace sa3 {
namespace {

using nlohmann::ordered_json;

template <typename T>
void put_optional(ordered_json& out, const char* key, const std::optional<T>& value, JobFlavour flavour) {
  if (value)
    out[key] = *value;
  else if (flavour == JobFlavour::WithStudio)
    out[key] = nullptr;
}

ordered_json studio_value(const StudioOptions& s) {
  return ordered_json{{"checkpoint_every", s.checkpoint_every}, {"keep_checkpoints", s.keep_checkpoints},
                      {"demo_every", s.demo_every},             {"demo_prompts", s.demo_prompts},
                      {"demo_seeds", s.demo_seeds},             {"demo_seconds", s.demo_seconds},
                      {"trigger_word", s.trigger_word}};
}

}  // namespace

ordered_json job_to_json_value(const TrainingJob& job, JobFlavour flavour) {
  ordered_json out;
  out["audio_data_url"] = job.audio_data_url;
  out["model"] = job.model;
  out["number_of_steps"] = job.number_of_steps;
  out["learning_rate"] = job.learning_rate;
  out["rank"] = job.rank;
  out["adapter_type"] = job.adapter_type;
  put_optional(out, "duration", job.duration, flavour);
  out["batch_size"] = job.batch_size;
  out["seed"] = job.seed;
  out["base_precision"] = job.base_precision;
  // Empty lists never reach the wire: upstream would adapt nothing (spec/sa3-model.md §6.3).
  auto filter = [](const std::optional<std::vector<std::string>>& v) {
    return v && !v->empty() ? v : std::nullopt;
  };
  put_optional(out, "include", filter(job.include), flavour);
  put_optional(out, "exclude", filter(job.exclude), flavour);
  put_optional(out, "lora_checkpoint_url", job.lora_checkpoint_url, flavour);
  out["pre_encode"] = job.pre_encode;
  if (flavour == JobFlavour::WithStudio && job.studio) out["studio"] = studio_value(*job.studio);
  return out;
}

std::string job_to_json(const TrainingJob& job, JobFlavour flavour) {
  return job_to_json_value(job, flavour).dump(2);
}

}  // namespace sa3
