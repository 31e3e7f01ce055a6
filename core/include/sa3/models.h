// SPDX-License-Identifier: GPL-3.0-or-later
// Stable Audio 3 model shapes without torch: defaults the audition page and CLI show, and tiny
// random models of the real architecture for tests and demos without downloaded weights.
// (Which models are on disk, and downloads, are sa3/hub.h.)
//
// Lifecycle: free functions. Ownership: plain values. Threading: reentrant; make_tiny_model
//   takes seconds (run it off the GUI thread). Errors: Result failures name the id or file.
// Cancellation: none (each call is short).
//
//   sa3::Status s = sa3::make_tiny_model(dir, "small-music", 0);   // dir/small-music/...
//   sa3::ModelDefaults d = *sa3::model_defaults("small-music");    // ping-pong, 8 steps, CFG 1
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "sa3/error.h"

namespace sa3 {

struct ModelDefaults {
  bool post_trained = true;  // distilled (ping-pong) vs base (Euler with CFG)
  int steps = 8;
  double cfg_scale = 1.0;
  double max_seconds = 0;    // the longest render (the model's native length)
};

// Defaults for an id of the catalog (built-in config; a folder's own config may differ).
Result<ModelDefaults> model_defaults(const std::string& id);

// Writes <models_dir>/<id>/ in Hugging Face layout (model_config.json, model.safetensors,
// t5gemma-b-b-ul2/{config.json, model.safetensors, tokenizer.model}) with tiny random weights.
// The same seed writes the same model.
Status make_tiny_model(const std::filesystem::path& models_dir, const std::string& id, uint64_t seed);

}  // namespace sa3
