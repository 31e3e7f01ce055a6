// SPDX-License-Identifier: GPL-3.0-or-later
// The state of one model on disk: which files are there, partly downloaded, of the wrong size
// or unreadable, and (on request) whether their sha256 matches the download record.
#pragma once

#include <filesystem>

#include "sa3/hub.h"

namespace sa3 {

// Stats files and reads safetensors headers; records every problem in the status rather than
// throwing, so one broken model never hides the others.
ModelStatus scan_model(const std::filesystem::path& models_dir, const ModelInfo& info);

// Hashes every file named in the download record; a mismatch makes the status Corrupt.
// Progress in bytes through `job`; throws sa3::Cancelled when cancelled.
void check_recorded_hashes(ModelStatus& status, JobControl& job);

}  // namespace sa3
