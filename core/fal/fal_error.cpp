// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing fal error bodies: {"detail":[{loc,msg,type}]}, {"detail":"..","error_type":".."}, or text.
#include "fal/fal_error.h"

#include <nlohmann/json.hpp>

namespace sa3::fal {

FalErrorInfo parse_fal_error(const net::HttpResponse& response) {
  FalErrorInfo info;
  info.http_status = response.status;
  info.request_id = response.headers.get("x-fal-request-id").value_or("");
  info.timeout_type = response.headers.get("X-Fal-Request-Timeout-Type").value_or("");
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_object()) {
    if (body.contains("error_type") && body["error_type"].is_string()) info.error_type = body["error_type"];
    const auto& detail = body.contains("detail") ? body["detail"] : body;
    if (detail.is_string()) {
      info.detail = detail.get<std::string>();
    } else if (detail.is_array()) {
      for (const auto& item : detail) {
        JobProblem p;
        if (item.is_object()) {
          if (item.contains("loc") && item["loc"].is_array())
            for (const auto& part : item["loc"]) p.loc.push_back(part.is_string() ? part.get<std::string>() : part.dump());
          p.msg = item.value("msg", "");
          p.type = item.value("type", "");
        } else {
          p.msg = item.dump();
        }
        info.problems.push_back(std::move(p));
      }
    } else if (body.contains("status") && body["status"].is_string()) {
      info.detail = body["status"];
    } else {
      info.detail = response.body;
    }
  } else {
    const std::string text = response.body.substr(0, 300);
    info.detail = text.find_first_not_of(" \r\n\t") == std::string::npos ? "" : text;
  }
  if (info.error_type.empty()) info.error_type = response.headers.get("X-Fal-Error-Type").value_or("");
  return info;
}

std::string describe_fal_error(const std::string& what, const FalErrorInfo& info) {
  std::string msg = "fal " + what + " failed: HTTP " + std::to_string(info.http_status);
  if (info.http_status == 401 || info.http_status == 403)
    msg += " (fal rejected the key: check FAL_KEY or the key in Settings)";
  if (!info.detail.empty()) msg += ": " + info.detail;
  if (!info.error_type.empty()) msg += " [" + info.error_type + "]";
  for (const JobProblem& p : info.problems) msg += "\n  " + p.field() + ": " + p.msg;
  if (!info.request_id.empty()) msg += "\n  (request " + info.request_id + ")";
  return msg;
}

void throw_fal_error(const std::string& what, const net::HttpResponse& response) {
  const FalErrorInfo info = parse_fal_error(response);
  const std::string msg = describe_fal_error(what, info);
  if (response.status >= 400 && response.status < 500 && response.status != 408 && response.status != 429)
    throw_invalid(msg);
  throw_environment(msg);
}

}  // namespace sa3::fal
