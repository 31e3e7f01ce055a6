// SPDX-License-Identifier: GPL-3.0-or-later
// fal storage uploads, Flow A of spec/fal-protocol.md §5: initiate on the REST host (with the
// key), then PUT the bytes to the signed URL (without it); above the threshold, 1-based
// 10 MiB parts to <upload_url path>/<n> and a final <path>/complete with the part ETags.
#include <nlohmann/json.hpp>

#include "fal/fal_api.h"
#include "fal/fal_error.h"
#include "net/file_download.h"
#include "net/url.h"

namespace sa3::fal {

using nlohmann::json;

std::pair<std::string, std::string> FalApi::initiate(const std::string& route, const std::filesystem::path& file,
                                                     const std::string& content_type) {
  net::HttpRequest r = json_request("POST", settings_.rest_base + "/storage/upload/" + route + "?storage_type=fal-cdn-v3");
  r.body = json{{"content_type", content_type}, {"file_name", file.filename().string()}}.dump();
  const net::HttpResponse response =
      net::with_retries(policy(4, {408, 429, 500, 502, 503, 504}), [&] { return client_.send(r); }, control_);
  if (!response.ok()) throw_fal_error("storage " + route, response);
  const json body = parse_json("storage " + route, response);
  const std::string upload_url = body.value("upload_url", "");
  const std::string file_url = body.value("file_url", "");
  if (upload_url.empty() || file_url.empty())
    throw_environment("fal storage " + route + ": the answer lacks upload_url or file_url");
  return {upload_url, file_url};
}

std::string FalApi::upload(const std::filesystem::path& file, const std::string& content_type,
                           const std::function<void(std::uint64_t, std::uint64_t)>& on_progress) {
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(file, ec);
  if (ec) throw_invalid(file.string() + ": cannot read (" + ec.message() + ")");
  if (size > settings_.multipart_threshold) return upload_multipart(file, size, content_type, on_progress);
  return upload_single(file, size, content_type, on_progress);
}

std::string FalApi::upload_single(const std::filesystem::path& file, std::uint64_t size,
                                  const std::string& content_type,
                                  const std::function<void(std::uint64_t, std::uint64_t)>& on_progress) {
  const auto [upload_url, file_url] = initiate("initiate", file, content_type);
  net::HttpRequest put;
  put.method = "PUT";
  put.url = upload_url;  // signed: no Authorization
  put.headers.add("Content-Type", content_type);
  put.body_file = net::FileBody{file, 0, size};
  put.control = control_;
  put.timeout_s = 0;
  if (on_progress) put.on_transfer = [&](std::uint64_t done, std::uint64_t) { on_progress(done, size); };
  const net::HttpResponse response =
      net::with_retries(policy(4, {408, 429, 500, 502, 503, 504}), [&] { return client_.send(put); }, control_);
  if (!response.ok()) throw_fal_error("upload", response);
  if (on_progress) on_progress(size, size);
  return file_url;
}

std::string FalApi::upload_multipart(const std::filesystem::path& file, std::uint64_t size,
                                     const std::string& content_type,
                                     const std::function<void(std::uint64_t, std::uint64_t)>& on_progress) {
  const auto [upload_url, file_url] = initiate("initiate-multipart", file, content_type);
  const std::uint64_t part_size = std::max<std::uint64_t>(settings_.part_size, 1);
  json parts = json::array();
  std::uint64_t sent = 0;
  for (std::uint64_t n = 1; sent < size; ++n) {
    const std::uint64_t length = std::min(part_size, size - sent);
    net::HttpRequest put;
    put.method = "PUT";
    put.url = net::append_path_segment(upload_url, std::to_string(n));
    put.headers.add("Content-Type", content_type);
    put.body_file = net::FileBody{file, sent, length};
    put.control = control_;
    put.timeout_s = 0;
    if (on_progress) put.on_transfer = [&, base = sent](std::uint64_t done, std::uint64_t) { on_progress(base + done, size); };
    const net::HttpResponse response =
        net::with_retries(policy(4, {408, 429, 500, 502, 503, 504}), [&] { return client_.send(put); }, control_);
    if (!response.ok()) throw_fal_error("upload of part " + std::to_string(n), response);
    // The SDK reads the ETag header, fal-js a JSON body; keep the value verbatim (quotes included).
    std::string etag = response.headers.get("ETag").value_or("");
    if (etag.empty()) {
      const json body = json::parse(response.body, nullptr, false);
      if (body.is_object() && body.contains("etag") && body["etag"].is_string()) etag = body["etag"];
    }
    if (etag.empty()) throw_environment("fal upload of part " + std::to_string(n) + ": no ETag in the answer");
    parts.push_back({{"partNumber", n}, {"etag", etag}});
    sent += length;
  }
  net::HttpRequest complete;
  complete.method = "POST";
  complete.url = net::append_path_segment(upload_url, "complete");
  complete.headers.add("Content-Type", "application/json");
  complete.body = json{{"parts", parts}}.dump();
  complete.control = control_;
  complete.timeout_s = settings_.request_timeout_s;
  const net::HttpResponse response =
      net::with_retries(policy(4, {408, 429, 500, 502, 503, 504}), [&] { return client_.send(complete); }, control_);
  if (!response.ok()) throw_fal_error("upload completion", response);
  if (on_progress) on_progress(size, size);
  return file_url;
}

}  // namespace sa3::fal
