// SPDX-License-Identifier: GPL-3.0-or-later
// The sa3 subcommand groups, one source file each (dataset_command.cpp, ...).
// main.cpp lists them in kGroups; a new group adds its declaration here and its row there.
#pragma once

#include "cli_args.h"

namespace sa3::cli {

// dataset_command.cpp: `sa3 dataset check|pack`.
extern const char* const kDatasetUsage;
int run_dataset(const std::vector<std::string>& args);

// models_command.cpp: `sa3 models list|download|verify|path` (+ rows of kModelsSubcommands).
extern const char* const kModelsUsage;
int run_models(const std::vector<std::string>& args);

}  // namespace sa3::cli
