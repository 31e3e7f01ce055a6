// SPDX-License-Identifier: GPL-3.0-or-later
// The training job: fal-ai/stable-audio-3-trainer's input object, field for field, plus the
// optional `studio` options (spec/contracts.md "Job JSON"). Local and remote training both
// start from a TrainingJob, so a job.json runs the same way on this machine and on fal.
//
// Lifecycle: plain values; parse, edit, validate and serialise as often as needed.
// Ownership: everything is returned by value.
// Threading: pure functions; safe from any thread.
// Errors: parse_job() and validate_job() never throw; they return every problem found, each
//   naming its field as fal's 422 responses do (loc ["body","rank"]). load_job_file() returns
//   a Result whose message names the file and lists the problems. expand_pattern() throws
//   sa3::Error (InvalidInput) naming the pattern.
// Cancellation: nothing here is long-running.
//
//   sa3::JobParse parsed = sa3::parse_job(text, {.require_audio_data_url = false});
//   if (!parsed.ok()) { std::cerr << sa3::describe_problems(parsed.problems); return 2; }
//   parsed.job.audio_data_url = "dataset.zip";
//   std::string for_fal = sa3::job_to_json(parsed.job, sa3::JobFlavour::ForFal);
//   bool adapted = sa3::module_selected("model.transformer.layers.3.self_attn.to_qkv",
//                                       parsed.job.include, parsed.job.exclude);
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sa3/error.h"

namespace sa3 {

// Options fal does not have; they live under the job's one extra key, "studio", and are
// removed before a job goes to fal.
struct StudioOptions {
  int checkpoint_every = 250;             // steps between checkpoints, >= 1
  int keep_checkpoints = 3;               // newest checkpoints kept, >= 1
  int demo_every = 250;                   // steps between demo renders; 0 = no demos
  std::vector<std::string> demo_prompts;  // empty = no demos
  std::vector<std::int64_t> demo_seeds;   // empty = the job's seed
  double demo_seconds = 10.0;             // length of each demo render, > 0
  std::string trigger_word;               // prepended to demo prompts when not empty

  bool operator==(const StudioOptions&) const = default;
};

struct TrainingJob {
  std::string audio_data_url;  // zip URL for fal; locally also a folder, zip or file:// URL
  std::string model = "medium-base";
  int number_of_steps = 1000;
  double learning_rate = 1e-4;
  int rank = 16;
  std::string adapter_type = "dora-rows";
  std::optional<double> duration;  // seconds; unset = longest clip, capped at the native length
  int batch_size = 1;
  std::int64_t seed = 42;
  std::string base_precision = "bf16";
  // Module-name substrings with [a-b] ranges (spec/sa3-model.md §6.3). nullopt = no filter;
  // an empty list is normalised to nullopt because upstream would adapt nothing.
  std::optional<std::vector<std::string>> include;
  std::optional<std::vector<std::string>> exclude;
  std::optional<std::string> lora_checkpoint_url;
  bool pre_encode = false;
  std::optional<StudioOptions> studio;

  bool operator==(const TrainingJob&) const = default;
};

// fal's accepted values and ranges (spec/fal-protocol.md §3.1).
const std::vector<std::string>& training_models();   // medium-base, small-music-base, small-sfx-base
const std::vector<std::string>& adapter_types();     // the nine adapter types
const std::vector<std::string>& base_precisions();   // bf16, bfloat16, fp16, float16
inline constexpr int kMinSteps = 1, kMaxSteps = 20000;
inline constexpr int kMinRank = 1, kMaxRank = 256;
inline constexpr int kMaxXsRank = 17;  // -xs adapters
inline constexpr int kMinBatchSize = 1, kMaxBatchSize = 64;

bool is_xs_adapter(std::string_view adapter_type);
// The post-trained sibling a LoRA trained on `base_model` is auditioned on ("medium-base" ->
// "medium"); empty for an unknown id.
std::string inference_model_for(std::string_view base_model);

// One problem with a job, shaped like an item of fal's 422 `detail` list.
struct JobProblem {
  std::vector<std::string> loc;  // {"body", "rank"}; list indices as digits: {"body","include","2"}
  std::string msg;               // for humans: what is wrong and what was given
  std::string type;              // machine-readable: missing, extra_forbidden, type_error, value_error, json_invalid
  // The field path without "body", joined with dots ("studio.demo_seeds.1"); "body" for the whole job.
  std::string field() const;
};

struct JobParseOptions {
  // The CLI's --dataset and the studio's dataset picker supply audio_data_url later.
  bool require_audio_data_url = true;
};

struct JobParse {
  TrainingJob job;                   // every valid field parsed, defaults elsewhere
  std::vector<JobProblem> problems;  // empty when the job is valid
  bool ok() const { return problems.empty(); }
};

JobParse parse_job(std::string_view json_text, const JobParseOptions& options = {});
std::vector<JobProblem> validate_job(const TrainingJob& job, const JobParseOptions& options = {});
// Reads and parses a job file; the failure message starts with the path and lists the problems.
Result<TrainingJob> load_job_file(const std::filesystem::path& path, const JobParseOptions& options = {});

enum class JobFlavour {
  WithStudio,  // job.json in a run folder: every field, null for unset optionals, plus studio
  ForFal,      // the body of a fal submit: no studio key, unset optionals left out
};
// Pretty-printed JSON with fal's field order.
std::string job_to_json(const TrainingJob& job, JobFlavour flavour = JobFlavour::WithStudio);

// {"detail":[{"loc":["body","rank"],"msg":"...","type":"..."}, ...]}
std::string problems_to_detail_json(const std::vector<JobProblem>& problems);
// One line per problem: "rank: must be between 1 and 256 (got 0)".
std::string describe_problems(const std::vector<JobProblem>& problems);

// Empty when `pattern` is a valid include/exclude pattern, else why not.
std::optional<std::string> pattern_problem(std::string_view pattern);
// The substrings a pattern stands for: whitespace stripped, every "[a-b]" expanded (descending
// ranges allowed, several ranges give every combination). "layers.[0-2]." -> layers.0. ...
std::vector<std::string> expand_pattern(std::string_view pattern);
// Whether a module gets an adapter: (no include filter or a match) and no exclude match;
// exclude wins. Names are the full module names ("model.transformer.layers.3.cross_attn.to_kv").
bool module_selected(std::string_view module_name,
                     const std::optional<std::vector<std::string>>& include,
                     const std::optional<std::vector<std::string>>& exclude);

}  // namespace sa3
