// SPDX-License-Identifier: GPL-3.0-or-later
// Adapter type names and properties (upstream models/lora/utils.py: adapter resolution).
#include "model/lora/adapter_type.h"

#include <array>
#include <utility>

#include "sa3/error.h"

namespace sa3 {
namespace {

constexpr std::array<std::pair<const char*, AdapterType>, 9> kNames{{
    {"lora", AdapterType::Lora},
    {"dora", AdapterType::DoraRows},
    {"dora-rows", AdapterType::DoraRows},
    {"dora-cols", AdapterType::DoraCols},
    {"bora", AdapterType::Bora},
    {"lora-xs", AdapterType::LoraXs},
    {"dora-rows-xs", AdapterType::DoraRowsXs},
    {"dora-cols-xs", AdapterType::DoraColsXs},
    {"bora-xs", AdapterType::BoraXs},
}};

}  // namespace

AdapterType parse_adapter_type(std::string_view name, std::string_view field) {
  for (const auto& [n, type] : kNames) {
    if (name == n) return type;
  }
  std::string all;
  for (const auto& n : adapter_type_names()) all += (all.empty() ? "" : ", ") + n;
  throw_invalid(std::string(field) + ": unknown adapter type '" + std::string(name) +
                "' (expected one of " + all + ")");
}

const char* to_string(AdapterType type) {
  switch (type) {
    case AdapterType::Lora: return "lora";
    case AdapterType::DoraRows: return "dora-rows";
    case AdapterType::DoraCols: return "dora-cols";
    case AdapterType::Bora: return "bora";
    case AdapterType::LoraXs: return "lora-xs";
    case AdapterType::DoraRowsXs: return "dora-rows-xs";
    case AdapterType::DoraColsXs: return "dora-cols-xs";
    case AdapterType::BoraXs: return "bora-xs";
  }
  return "?";
}

const std::vector<std::string>& adapter_type_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& [n, type] : kNames) v.emplace_back(n);
    return v;
  }();
  return names;
}

bool uses_ab(AdapterType type) { return !uses_xs(type); }

bool uses_xs(AdapterType type) {
  return type == AdapterType::LoraXs || type == AdapterType::DoraRowsXs ||
         type == AdapterType::DoraColsXs || type == AdapterType::BoraXs;
}

bool normalises_rows(AdapterType type) {
  return type == AdapterType::DoraRows || type == AdapterType::DoraRowsXs ||
         type == AdapterType::Bora || type == AdapterType::BoraXs;
}

bool normalises_cols(AdapterType type) {
  return type == AdapterType::DoraCols || type == AdapterType::DoraColsXs ||
         type == AdapterType::Bora || type == AdapterType::BoraXs;
}

}  // namespace sa3
