// SPDX-License-Identifier: GPL-3.0-or-later
// lora_config JSON in upstream's exact text form (models/lora/utils.py: save_lora_safetensors).
#include "model/lora/lora_config.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "model/lora/adapter_type.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

// Python's json.dumps: ensure_ascii, ", " between items.
std::string py_string(const std::string& s) { return nlohmann::json(s).dump(-1, ' ', true); }

std::string py_float(double v) {
  // nlohmann prints the shortest round-trip form with a trailing ".0" for integers, as repr().
  return nlohmann::json(v).dump();
}

std::string py_list(const std::optional<std::vector<std::string>>& list) {
  if (!list) return "null";
  std::string out = "[";
  for (size_t i = 0; i < list->size(); ++i) out += (i ? ", " : "") + py_string((*list)[i]);
  return out + "]";
}

std::optional<std::vector<std::string>> read_list(const nlohmann::json& j, const char* key,
                                                  const std::string& where) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  if (!j[key].is_array()) throw_invalid(where + ": lora_config." + key + " must be a list or null");
  std::vector<std::string> out;
  for (const auto& item : j[key]) {
    if (!item.is_string()) throw_invalid(where + ": lora_config." + key + " must hold strings");
    out.push_back(item.get<std::string>());
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace

std::string lora_config_to_json(const LoraConfig& c) {
  std::string alpha = c.alpha_is_integer ? std::to_string(static_cast<long long>(std::llround(c.alpha)))
                                         : py_float(c.alpha);
  return "{\"rank\": " + std::to_string(c.rank) + ", \"alpha\": " + alpha +
         ", \"adapter_type\": " + py_string(c.adapter_type) + ", \"dropout\": " + py_float(c.dropout) +
         ", \"include\": " + py_list(c.include) + ", \"exclude\": " + py_list(c.exclude) + "}";
}

LoraConfig lora_config_from_json(std::string_view text, const std::string& where) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw_invalid(where + ": lora_config is not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object()) throw_invalid(where + ": lora_config must be a JSON object");
  LoraConfig c;
  if (!j.contains("rank") || !j["rank"].is_number_integer() || j["rank"].get<int>() < 1) {
    throw_invalid(where + ": lora_config.rank must be a positive integer");
  }
  c.rank = j["rank"].get<int>();
  if (j.contains("alpha") && !j["alpha"].is_null()) {
    if (!j["alpha"].is_number()) throw_invalid(where + ": lora_config.alpha must be a number");
    c.alpha = j["alpha"].get<double>();
    c.alpha_is_integer = j["alpha"].is_number_integer();
  } else {
    c.alpha = c.rank;
  }
  if (!j.contains("adapter_type") || !j["adapter_type"].is_string()) {
    throw_invalid(where + ": lora_config.adapter_type must be a string");
  }
  c.adapter_type = j["adapter_type"].get<std::string>();
  parse_adapter_type(c.adapter_type, where + ": lora_config.adapter_type");
  if (j.contains("dropout") && j["dropout"].is_number()) c.dropout = j["dropout"].get<double>();
  c.include = read_list(j, "include", where);
  c.exclude = read_list(j, "exclude", where);
  return c;
}

}  // namespace sa3
