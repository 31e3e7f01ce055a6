// SPDX-License-Identifier: GPL-3.0-or-later
// LoRA files in upstream's layout (spec §6.7): safetensors, every tensor fp16, keys
// `<module>.parametrizations.weight.0.<kind>`, metadata {"lora_config": "<json>"}.
//
// The bytes equal those of upstream's save_lora_safetensors for the same tensors and config.
// Errors: sa3::Error naming the file and the key (InvalidInput for bad files, Environment for
// write failures). Writes are atomic.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>

#include "model/lora/lora_config.h"

namespace sa3 {

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

struct LoraFile {
  LoraConfig config;
  NamedTensors tensors;  // fp32, in file order
};

std::string serialize_lora_file(const NamedTensors& tensors, const LoraConfig& config);
void write_lora_file(const std::filesystem::path& path, const NamedTensors& tensors,
                     const LoraConfig& config);
// Reads a LoRA file; a file without lora_config metadata is rejected naming the file.
LoraFile read_lora_file(const std::filesystem::path& path);

}  // namespace sa3
