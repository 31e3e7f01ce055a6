// SPDX-License-Identifier: GPL-3.0-or-later
// Local paths, file:// and http(s) URLs of a training job's inputs.
#include "train/job_inputs.h"

#include "net/file_download.h"
#include "net/http_client.h"
#include "sa3/error.h"

namespace sa3 {

std::filesystem::path local_job_input(const std::string& location, const std::filesystem::path& download_to,
                                      const std::string& field, JobControl& job) {
  if (location.rfind("file://", 0) == 0) return location.substr(7);
  if (location.rfind("http://", 0) != 0 && location.rfind("https://", 0) != 0) return location;
  std::error_code ec;
  if (std::filesystem::is_regular_file(download_to, ec)) return download_to;
  net::DownloadRequest request;
  request.url = location;
  request.destination = download_to;
  request.control = &job;
  try {
    net::HttpClient client;
    net::download_file(client, request);
  } catch (const Cancelled&) {
    throw;
  } catch (const Error& e) {
    throw Error(e.kind(), field + ": " + e.what());
  }
  return download_to;
}

}  // namespace sa3
