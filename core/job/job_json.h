// SPDX-License-Identifier: GPL-3.0-or-later
// The job as nlohmann JSON, for core code that embeds it in a larger document (fal submit,
// run.json, config.json). The facade's string functions are built on these.
#pragma once

#include <nlohmann/json.hpp>

#include "sa3/job.h"

namespace sa3 {

nlohmann::ordered_json job_to_json_value(const TrainingJob& job, JobFlavour flavour);
// Parses an already-decoded JSON value; never throws.
JobParse parse_job_value(const nlohmann::json& value, const JobParseOptions& options);
nlohmann::json problems_to_detail_value(const std::vector<JobProblem>& problems);

}  // namespace sa3
