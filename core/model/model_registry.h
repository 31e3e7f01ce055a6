// SPDX-License-Identifier: GPL-3.0-or-later
// The six Stable Audio 3 model ids and their model_config.json as reconstructed in
// spec/sa3-model.md §1.2–§4 (the Hugging Face files are gated), at full size and as tiny
// random-weight stand-ins of the same architecture for tests, benches and `make-tiny`.
// A models folder's own model_config.json always wins over these.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sa3 {

enum class ModelScale {
  Full,  // the released shapes (spec §1.2): small 459M / medium 1.45B DiT, SAME-S / SAME-L
  Tiny,  // same layers and keys, widths of 64 and one or two blocks: loads and renders in seconds
};

// small-music, small-sfx, medium, then their -base siblings.
const std::vector<std::string>& sa3_model_ids();
// Throws sa3::Error (InvalidInput) naming the id and the valid ones when unknown.
void check_sa3_model_id(const std::string& id);
// Post-trained (ARC, objective rf_denoiser): 8-step ping-pong without CFG. Base models
// (rectified_flow): many-step Euler with CFG; LoRAs are trained on them.
bool is_post_trained(const std::string& id);
// Sampling defaults (spec §5.4): post-trained models ping-pong 8 steps at CFG 1 (upstream CLI);
// base models Euler 50 steps at CFG 7 (upstream Gradio and tests).
inline constexpr int kPostTrainedSteps = 8;
inline constexpr double kPostTrainedCfg = 1.0;
inline constexpr int kBaseSteps = 50;
inline constexpr double kBaseCfg = 7.0;
// "medium" and "medium-base" use the differential DiT and SAME-L; the small ones SAME-S.
bool is_medium(const std::string& id);

// A complete model_config.json for `id` (keys as upstream's factory.py reads them).
nlohmann::json builtin_model_config(const std::string& id, ModelScale scale);
// The T5Gemma encoder's config.json (Hugging Face T5Gemma module keys) for that scale.
nlohmann::json builtin_t5gemma_config(ModelScale scale);

}  // namespace sa3
