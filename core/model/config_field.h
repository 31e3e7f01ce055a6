// SPDX-License-Identifier: GPL-3.0-or-later
// Reading one optional field of a model config object (model_config.json and its sub-objects),
// shared by the option parsers of every model component.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "sa3/error.h"

namespace sa3 {

// Leaves `out` (the default) alone when `key` is absent or null; a value of the wrong type
// throws sa3::Error naming `where` (e.g. "SAME config") and the field.
template <typename T>
void read_config_field(const nlohmann::json& config, const char* where, const char* key, T& out) {
  auto it = config.find(key);
  if (it == config.end() || it->is_null()) return;
  try {
    out = it->get<T>();
  } catch (const nlohmann::json::exception& e) {
    throw_invalid(std::string(where) + ": field '" + key + "' has the wrong type (" + e.what() + ")");
  }
}

}  // namespace sa3
