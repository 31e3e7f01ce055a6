// SPDX-License-Identifier: GPL-3.0-or-later
// fal's error responses (spec/fal-protocol.md §3.7) turned into sa3::Error messages: a 422
// `detail` list becomes one line per field; other errors show their detail and error_type.
#pragma once

#include <string>
#include <vector>

#include "net/http_types.h"
#include "sa3/job.h"

namespace sa3::fal {

struct FalErrorInfo {
  long http_status = 0;
  std::string request_id;            // x-fal-request-id
  std::string error_type;            // body, else X-Fal-Error-Type
  std::string timeout_type;          // X-Fal-Request-Timeout-Type ("user": never retried)
  std::string detail;                // a string detail, or the raw body when it is not JSON
  std::vector<JobProblem> problems;  // a detail list ({loc, msg, type})
};

FalErrorInfo parse_fal_error(const net::HttpResponse& response);
// "fal <what> failed: HTTP 422\n  audio_data_url: Each audio file needs a caption".
std::string describe_fal_error(const std::string& what, const FalErrorInfo& info);
// InvalidInput for 4xx (bad key, rejected job), Environment otherwise.
[[noreturn]] void throw_fal_error(const std::string& what, const net::HttpResponse& response);

}  // namespace sa3::fal
