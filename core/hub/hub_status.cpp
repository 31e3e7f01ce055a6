// SPDX-License-Identifier: GPL-3.0-or-later
// The sa3/hub.h facade for the models on disk: status, verify, locate. Catches everything into Results.
#include "sa3/hub.h"

#include <cstdlib>

#include "model_folder.h"
#include "model_scanner.h"

namespace sa3 {

Result<std::vector<ModelStatus>> model_statuses(const std::filesystem::path& models_dir) {
  return capture([&] {
    std::vector<ModelStatus> statuses;
    for (const ModelInfo& info : model_catalog()) statuses.push_back(scan_model(models_dir, info));
    return statuses;
  });
}

Result<ModelStatus> model_status(const std::filesystem::path& models_dir, const std::string& id) {
  Result<ModelInfo> info = find_model(id);
  if (!info) return info.error();
  return capture([&] { return scan_model(models_dir, *info); });
}

Result<ModelStatus> verify_model(const std::filesystem::path& models_dir, const std::string& id, JobControl& job) {
  Result<ModelInfo> info = find_model(id);
  if (!info) return info.error();
  return capture([&] {
    ModelStatus status = scan_model(models_dir, *info);
    check_recorded_hashes(status, job);
    return status;
  });
}

Result<ModelFiles> locate_model(const std::filesystem::path& models_dir, const std::string& id) {
  Result<ModelInfo> info = find_model(id);
  if (!info) return info.error();
  return capture([&] {
    const ModelStatus status = scan_model(models_dir, *info);
    if (status.state != ModelState::Present) {
      std::string message = "model '" + id + "' is " + to_string(status.state) + " in " + models_dir.string();
      for (const std::string& problem : status.problems) message += "\n  " + problem;
      message += "\nRun `sa3 models download " + id + "` (or use the Models page) to fetch it, or point --models at a folder that has it.";
      throw_invalid(message);
    }
    return find_model_files(models_dir, id);
  });
}

std::string hub_endpoint_from_env() {
  const char* endpoint = std::getenv("SA3_HF_ENDPOINT");
  std::string value = endpoint && *endpoint ? endpoint : "https://huggingface.co";
  while (!value.empty() && value.back() == '/') value.pop_back();
  return value;
}

}  // namespace sa3
