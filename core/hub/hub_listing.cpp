// SPDX-License-Identifier: GPL-3.0-or-later
// Hub URLs and the tree API's answer, e.g.
//   [{"type":"file","oid":"<git sha1>","size":9222116660,"path":"model.safetensors",
//     "lfs":{"oid":"<sha256>","size":9222116660,"pointerSize":135}}, {"type":"directory",...}]
#include "hub_listing.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "model_folder.h"
#include "sa3/error.h"

namespace sa3 {

namespace {

bool is_unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '/';
}

std::string encode_path(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    if (is_unreserved(c)) {
      out.push_back(c);
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += {'%', hex[byte >> 4], hex[byte & 15]};
    }
  }
  return out;
}

// A repo path must stay inside the model folder once joined to it.
bool is_safe_repo_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string segment = path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::string tree_url(const std::string& endpoint, const std::string& repo) {
  return endpoint + "/api/models/" + repo + "/tree/main?recursive=true";
}

std::string resolve_url(const std::string& endpoint, const std::string& repo, const std::string& path) {
  return endpoint + "/" + repo + "/resolve/main/" + encode_path(path);
}

std::vector<RemoteFile> parse_tree_listing(const std::string& body, const std::string& url) {
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_array())
    throw_environment(url + ": the hub's file list is not a JSON array (is SA3_HF_ENDPOINT a Hugging Face hub?)");
  std::vector<RemoteFile> files;
  for (const nlohmann::json& item : json) {
    try {
      if (item.at("type").get<std::string>() != "file") continue;
      RemoteFile file;
      file.path = item.at("path").get<std::string>();
      file.size = item.at("size").get<std::uint64_t>();
      file.git_oid = item.at("oid").get<std::string>();
      if (const auto lfs = item.find("lfs"); lfs != item.end() && lfs->is_object()) {
        file.sha256 = lfs->at("oid").get<std::string>();
        file.size = lfs->value("size", file.size);
      }
      if (!is_safe_repo_path(file.path)) throw_environment("unsafe path '" + file.path + "'");
      files.push_back(std::move(file));
    } catch (const nlohmann::json::exception& e) {
      throw_environment(url + ": unexpected entry in the hub's file list (" + e.what() + "): " + item.dump());
    } catch (const Error& e) {
      throw_environment(url + ": " + e.what());
    }
  }
  return files;
}

std::vector<RemoteFile> select_model_files(const std::vector<RemoteFile>& listing, const std::string& repo) {
  const std::vector<std::string>& required = required_repo_files();
  for (const std::string& path : required) {
    const bool listed = std::any_of(listing.begin(), listing.end(), [&](const RemoteFile& f) { return f.path == path; });
    if (!listed) throw_invalid(repo + ": the repo has no '" + path + "', so it is not a Stable Audio 3 model repo");
  }
  std::vector<RemoteFile> selected;
  for (const RemoteFile& f : listing) {
    const bool needed = std::find(required.begin(), required.end(), f.path) != required.end();
    if (f.path == ".gitattributes" || (!needed && f.size > kMaxExtraFileBytes)) continue;
    selected.push_back(f);
  }
  return selected;
}

}  // namespace sa3
