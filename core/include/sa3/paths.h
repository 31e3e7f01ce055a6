// SPDX-License-Identifier: GPL-3.0-or-later
// Where SA3 Studio keeps its data by default (XDG base directories), computed in core so the
// studio and the CLI agree. Pure functions of the environment; thread-safe.
#pragma once

#include <filesystem>

namespace sa3 {

// $XDG_DATA_HOME/sa3studio, or ~/.local/share/sa3studio.
std::filesystem::path data_dir();
// data_dir()/models: one subfolder per model id in Hugging Face repo layout.
std::filesystem::path default_models_dir();
// data_dir()/runs: one folder per training run.
std::filesystem::path default_runs_dir();

}  // namespace sa3
