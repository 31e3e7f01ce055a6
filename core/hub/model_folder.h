// SPDX-License-Identifier: GPL-3.0-or-later
// Finding a model's files in a models folder, whichever tool put them there (see sa3/hub.h):
// <id>/, stable-audio-3-<id>/, the Hugging Face cache, or ComfyUI's single-file repack.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sa3/hub.h"

namespace sa3 {

// The files every SA3 repo must hold, as repo paths.
const std::vector<std::string>& required_repo_files();

// Where `sa3 models download` puts a model: <models_dir>/<id>.
std::filesystem::path download_folder(const std::filesystem::path& models_dir, const std::string& id);

// The first of the known locations that exists, with the paths a loader would use (whether or
// not they exist). When none exists: the download folder, HuggingFace layout.
ModelFiles find_model_files(const std::filesystem::path& models_dir, const std::string& id);

}  // namespace sa3
