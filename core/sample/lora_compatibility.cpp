// SPDX-License-Identifier: GPL-3.0-or-later
// LoRA origin lookup: metadata first, then the sidecar files trainers write beside it.
#include "sample/lora_compatibility.h"

#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "io/safetensors_reader.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

constexpr std::string_view kBaseSuffix = "-base";

nlohmann::json parse_json_file(const std::filesystem::path& path) {
  const nlohmann::json j = nlohmann::json::parse(read_file(path), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw_invalid(path.string() + ": not valid JSON");
  return j;
}

std::optional<std::string> string_field(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return std::nullopt;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string() || it->get<std::string>().empty()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<LoraOrigin> from_json_file(const std::filesystem::path& path, const char* key) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  if (auto model = string_field(parse_json_file(path), key)) return LoraOrigin{*model, path};
  return std::nullopt;
}

}  // namespace

std::string model_family(const std::string& model_id) {
  if (model_id.size() > kBaseSuffix.size() && model_id.ends_with(kBaseSuffix)) {
    return model_id.substr(0, model_id.size() - kBaseSuffix.size());
  }
  return model_id;
}

std::optional<LoraOrigin> lora_base_model(const std::filesystem::path& lora) {
  const SafetensorsFile file = SafetensorsFile::open(lora);
  if (const auto config = file.metadata_value("lora_config")) {
    const nlohmann::json j = nlohmann::json::parse(*config, nullptr, false);
    if (j.is_discarded()) throw_invalid(lora.string() + ": lora_config metadata is not valid JSON");
    if (auto model = string_field(j, "base_model")) return LoraOrigin{*model, lora};
  }
  auto sidecar = lora;
  if (auto origin = from_json_file(sidecar.replace_extension(".json"), "base_model")) return origin;
  if (auto origin = from_json_file(lora.parent_path() / "config.json", "base_model")) return origin;
  const auto step_dir = lora.parent_path();
  if (step_dir.parent_path().filename() == "checkpoints") {
    return from_json_file(step_dir.parent_path().parent_path() / "job.json", "model");
  }
  return std::nullopt;
}

void check_lora_fits_model(const std::filesystem::path& lora, const std::string& model) {
  const auto origin = lora_base_model(lora);
  if (!origin || model_family(origin->base_model) == model_family(model)) return;
  const std::string audition_model = model_family(origin->base_model);
  throw_invalid(lora.string() + ": this LoRA was trained on " + origin->base_model + " (per " +
                origin->named_in.filename().string() + "), so it belongs with " + audition_model +
                ", not " + model + ". Choose the " + audition_model + " model to hear it.");
}

}  // namespace sa3
