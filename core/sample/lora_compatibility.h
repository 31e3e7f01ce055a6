// SPDX-License-Identifier: GPL-3.0-or-later
// Which model a LoRA file was trained for, and whether it may be applied to another one
// (contracts.md: a LoRA trained on X-base is auditioned on X). Upstream files name no base
// model; ours and third-party trainers do, in one of the places lora_base_model() reads.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace sa3 {

struct LoraOrigin {
  std::string base_model;          // e.g. "small-music-base"
  std::filesystem::path named_in;  // the file that said so
};

// Looks, in order, at: the `lora_config` metadata's "base_model" (underfit stamps it); the
// sidecar `<stem>.json` (sa3.cpp / lora_ckpt_export convention); `config.json` beside the LoRA
// (our run folder: lora.safetensors + config.json); and, for a checkpoint
// `<run>/checkpoints/step-N/adapter.safetensors`, the run's job.json "model".
// nullopt when none names one. Throws sa3::Error (InvalidInput) naming the file when one of
// them is unreadable JSON.
std::optional<LoraOrigin> lora_base_model(const std::filesystem::path& lora);

// The family a model id belongs to: "small-music-base" and "small-music" → "small-music".
std::string model_family(const std::string& model_id);

// Throws sa3::Error (InvalidInput) naming the LoRA, the model it was trained on, the model it
// belongs with and `model` when the families differ. A LoRA naming no model passes (its
// tensor shapes are still checked when it is applied).
void check_lora_fits_model(const std::filesystem::path& lora, const std::string& model);

}  // namespace sa3
