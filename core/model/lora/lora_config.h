// SPDX-License-Identifier: GPL-3.0-or-later
// LoraConfig: the `lora_config` stored in a LoRA file's metadata (spec §6.7).
//
// The JSON text is written the way upstream's json.dumps writes it (", " and ": " separators,
// keys in the order rank, alpha, adapter_type, dropout, include, exclude), so a file we write
// is byte-identical to upstream's for the same tensors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sa3 {

struct LoraConfig {
  int rank = 16;
  // Upstream writes the int rank when no alpha was given and a float otherwise.
  double alpha = 16.0;
  bool alpha_is_integer = true;
  std::string adapter_type = "dora-rows";  // as given; "dora" stays "dora"
  double dropout = 0.0;
  std::optional<std::vector<std::string>> include;  // nullopt = no filter (JSON null)
  std::optional<std::vector<std::string>> exclude;

  bool operator==(const LoraConfig&) const = default;
};

// json.dumps(cfg) as upstream writes it.
std::string lora_config_to_json(const LoraConfig& config);
// Parses a lora_config; throws InvalidInput naming `where` and the field. Unknown keys are
// ignored, as upstream's loader does.
LoraConfig lora_config_from_json(std::string_view text, const std::string& where);

}  // namespace sa3
