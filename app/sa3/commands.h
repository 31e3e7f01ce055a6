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
// models_make_tiny_command.cpp: `sa3 models make-tiny DIR [ID...]` (args include "make-tiny").
int run_models_make_tiny(const std::vector<std::string>& args);

// generate_command.cpp: `sa3 generate` (issue 7).
extern const char* const kGenerateUsage;
int run_generate(const std::vector<std::string>& args);

// train_command.cpp: `sa3 train` (local, or --remote on fal).
extern const char* const kTrainUsage;
int run_train(const std::vector<std::string>& args);
// local_train_command.cpp: `sa3 train` without --remote (the local trainer, issue 4).
int run_local_training(const Args& args);

// remote_command.cpp: `sa3 remote status|logs|cancel|fetch RUN`, and `sa3 train --remote`.
extern const char* const kRemoteUsage;
int run_remote(const std::vector<std::string>& args);
int run_remote_training(const Args& args);

}  // namespace sa3::cli
