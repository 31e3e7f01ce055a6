// SPDX-License-Identifier: GPL-3.0-or-later
// Validation demos of a training run (issue 7; contracts.md: <run>/demos/step-NNNNNN/
// <prompt-index>-<seed>.wav + demo.json). The trainer calls render_demo_set on its own
// Sa3Model, whose DiT carries the live adapters being trained, right after the step's
// checkpoint is saved; the facade's render_demos does the same through a Generator.
// Files are written atomically and demo.json last, so a crash leaves an incomplete folder
// (no demo.json) and never touches checkpoints.
#pragma once

#include <filesystem>
#include <functional>

#include "model/sa3_model.h"
#include "sa3/generate.h"
#include "sa3/job_control.h"

namespace sa3 {

// <run>/demos/step-000250
std::filesystem::path demo_dir(const std::filesystem::path& run_dir, int64_t step);

// Renders every prompt × seed of `request` with `render` and writes the folder. `render`
// returns the audio of one setting; `model_id` and `sampling` go into demo.json.
using DemoRenderFn = std::function<AudioBuffer(const GenerateSettings& settings)>;
std::filesystem::path write_demo_set(const DemoRequest& request, const std::string& model_id,
                                     const DemoRenderFn& render, JobControl& job);

// For the trainer: renders with `model` as it is (attached adapters included; request.lora is
// ignored, the adapters are the LoRA). Throws sa3::Error / sa3::Cancelled.
std::filesystem::path render_demo_set(Sa3Model& model, const DemoRequest& request, JobControl& job);

}  // namespace sa3
