// SPDX-License-Identifier: GPL-3.0-or-later
// Where local training reads a job's inputs from. `audio_data_url` and `lora_checkpoint_url`
// are, as for fal, URLs; locally they may also be plain paths or file:// URLs. An http(s) URL
// is downloaded into the run folder once (resumable, core/net), so a resumed run reads the same
// bytes without the network.
//
// Threading: synchronous, on the trainer's thread.
// Errors: sa3::Error whose message starts with the job field; InvalidInput for a missing
//   local file or a 4xx answer, Environment for network failures.
// Cancellation: `job` aborts a download with sa3::Cancelled; its .part file is kept and a
//   later run continues it.
#pragma once

#include <filesystem>
#include <string>

#include "sa3/job_control.h"

namespace sa3 {

// The local file or folder `location` names, downloading an http(s) URL to `download_to`
// first (nothing is fetched when that file is already complete). `field` names the job field
// in messages.
std::filesystem::path local_job_input(const std::string& location, const std::filesystem::path& download_to,
                                      const std::string& field, JobControl& job);

}  // namespace sa3
