// SPDX-License-Identifier: GPL-3.0-or-later
// The sa3/hub.h facade for downloads: runs the downloader, then reports the resulting status.
#include "sa3/hub.h"

#include "model_downloader.h"
#include "model_scanner.h"

namespace sa3 {

Result<ModelStatus> download_model(const std::filesystem::path& models_dir, const std::string& id,
                                   const DownloadOptions& options, JobControl& job) {
  Result<ModelInfo> info = find_model(id);
  if (!info) return info.error();
  return capture([&] {
    ModelDownloader(models_dir, *info, options, job).run();
    ModelStatus status = scan_model(models_dir, *info);
    if (status.state != ModelState::Present) {
      std::string message = "model '" + id + "' is still " + std::string(to_string(status.state)) + " after downloading:";
      for (const std::string& problem : status.problems) message += "\n  " + problem;
      throw_environment(message);
    }
    return status;
  });
}

}  // namespace sa3
