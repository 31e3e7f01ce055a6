// SPDX-License-Identifier: GPL-3.0-or-later
// The fake hub's routes and the tiny repo generator.
#include "fake_hub.h"

#include <nlohmann/json.hpp>
#include <openssl/sha.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <stdexcept>

#include "base/sha256.h"
#include "io/safetensors_writer.h"

namespace sa3::test {

namespace {

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 rng(seed);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xff);
  return bytes;
}

std::string tiny_safetensors(const std::string& prefix, std::size_t floats, unsigned seed) {
  const std::string data = random_bytes(floats * 4, seed);
  const auto* bytes = reinterpret_cast<const std::byte*>(data.data());
  const std::size_t half = floats / 2;
  std::vector<TensorBytes> tensors = {
      {prefix + "a.weight", DType::F32, {static_cast<std::int64_t>(half)}, {bytes, half * 4}},
      {prefix + "b.weight", DType::F32, {static_cast<std::int64_t>(floats - half)}, {bytes + half * 4, (floats - half) * 4}},
  };
  return serialize_safetensors(tensors, {});
}

SeenRequest seen(const httplib::Request& request) {
  return {request.path, request.get_header_value("Authorization"), request.get_header_value("Range")};
}

}  // namespace

std::vector<RepoFile> tiny_model_repo() {
  return {
      {".gitattributes", "*.safetensors filter=lfs diff=lfs merge=lfs -text\n", false},
      {"README.md", "# tiny test model\n", false},
      {"model_config.json", R"({"model_type": "diffusion_cond", "sample_rate": 44100})" "\n", false},
      {"model.safetensors", tiny_safetensors("model.model.", 64 * 1024, 1), true},
      {"t5gemma-b-b-ul2/config.json", R"({"model_type": "t5gemma"})" "\n", false},
      {"t5gemma-b-b-ul2/model.safetensors", tiny_safetensors("encoder.", 16 * 1024, 2), true},
      {"t5gemma-b-b-ul2/tokenizer.model", random_bytes(4096, 3), true},
  };
}

void write_repo(const std::filesystem::path& folder, const std::vector<RepoFile>& files) {
  for (const RepoFile& f : files) {
    const std::filesystem::path path = folder / f.path;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << f.content;
  }
}

std::string git_blob_id(const std::string& content) {
  const std::string object = "blob " + std::to_string(content.size()) + std::string(1, '\0') + content;
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(object.data()), object.size(), digest);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) out += {hex[b >> 4], hex[b & 15]};
  return out;
}

FakeHub::FakeHub(std::string repo, std::vector<RepoFile> files) : repo_(std::move(repo)), files_(std::move(files)) {
  hub_.Get("/api/models/" + repo_ + "/tree/main", [this](const auto& q, auto& r) { serve_tree(q, r); });
  hub_.Get("/" + repo_ + "/resolve/main/(.*)", [this](const auto& q, auto& r) { serve_resolve(q, r); });
  cdn_.Get("/blobs/(.*)", [this](const auto& q, auto& r) { serve_cdn(q, r); });
  hub_port_ = hub_.bind_to_any_port("127.0.0.1");
  cdn_port_ = cdn_.bind_to_any_port("127.0.0.1");
  if (hub_port_ <= 0 || cdn_port_ <= 0) throw std::runtime_error("fake hub: cannot bind 127.0.0.1");
  hub_thread_ = std::thread([this] { hub_.listen_after_bind(); });
  cdn_thread_ = std::thread([this] { cdn_.listen_after_bind(); });
  // stop() is a no-op on a server whose loop has not started yet, which would leave the
  // destructor joining a thread that then serves forever: wait for both loops.
  while (!hub_.is_running() || !cdn_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeHub::~FakeHub() {
  hub_.stop();
  cdn_.stop();
  hub_thread_.join();
  cdn_thread_.join();
}

void FakeHub::require_token(const std::string& token) {
  std::lock_guard lock(mutex_);
  token_ = token;
}

void FakeHub::cut_after(const std::string& path, std::size_t bytes) {
  std::lock_guard lock(mutex_);
  cuts_[path] = bytes;
}

void FakeHub::corrupt_byte(const std::string& path, std::size_t offset) {
  std::lock_guard lock(mutex_);
  corruptions_[path] = offset;
}

void FakeHub::paginate(std::size_t entries) {
  std::lock_guard lock(mutex_);
  page_size_ = entries;
}

std::vector<SeenRequest> FakeHub::hub_requests() const {
  std::lock_guard lock(mutex_);
  return hub_seen_;
}

std::vector<SeenRequest> FakeHub::cdn_requests() const {
  std::lock_guard lock(mutex_);
  return cdn_seen_;
}

const RepoFile* FakeHub::find(const std::string& path) const {
  for (const RepoFile& f : files_)
    if (f.path == path) return &f;
  return nullptr;
}

bool FakeHub::authorized(const httplib::Request& request, httplib::Response& response) {
  std::lock_guard lock(mutex_);
  hub_seen_.push_back(seen(request));
  if (token_.empty()) return true;
  const std::string given = request.get_header_value("Authorization");
  if (given == "Bearer " + token_) return true;
  response.status = given.empty() ? 401 : 403;
  response.set_header("X-Error-Message", "Access to model " + repo_ + " is restricted.");
  response.set_content(R"({"error":"restricted"})", "application/json");
  return false;
}

void FakeHub::serve_tree(const httplib::Request& request, httplib::Response& response) {
  if (!authorized(request, response)) return;
  nlohmann::json listing = nlohmann::json::array();
  listing.push_back({{"type", "directory"}, {"oid", std::string(40, '0')}, {"size", 0}, {"path", "t5gemma-b-b-ul2"}});
  for (const RepoFile& f : files_) {
    nlohmann::json entry = {{"type", "file"}, {"oid", git_blob_id(f.content)}, {"size", f.content.size()}, {"path", f.path}};
    if (f.lfs) entry["lfs"] = {{"oid", sha256_hex(f.content)}, {"size", f.content.size()}, {"pointerSize", 134}};
    listing.push_back(entry);
  }
  std::size_t page_size = 0;
  {
    std::lock_guard lock(mutex_);
    page_size = page_size_;
  }
  if (page_size > 0) {
    const std::size_t start = request.has_param("cursor") ? std::stoul(request.get_param_value("cursor")) : 0;
    const std::size_t end = std::min(start + page_size, listing.size());
    if (end < listing.size())
      response.set_header("Link", "<" + endpoint() + "/api/models/" + repo_ + "/tree/main?recursive=true&cursor=" +
                                      std::to_string(end) + ">; rel=\"next\"");
    listing = nlohmann::json(std::vector<nlohmann::json>(listing.begin() + static_cast<std::ptrdiff_t>(start),
                                                         listing.begin() + static_cast<std::ptrdiff_t>(end)));
  }
  response.set_content(listing.dump(), "application/json");
}

void FakeHub::serve_resolve(const httplib::Request& request, httplib::Response& response) {
  if (!authorized(request, response)) return;
  const RepoFile* file = find(request.matches[1]);
  if (!file) {
    response.status = 404;
    return;
  }
  if (file->lfs) {
    // huggingface.co answers 302 to a signed CDN URL on another host.
    response.set_redirect("http://127.0.0.1:" + std::to_string(cdn_port_) + "/blobs/" + file->path + "?signature=x", 302);
    return;
  }
  response.set_content(file->content, "application/octet-stream");
}

void FakeHub::serve_cdn(const httplib::Request& request, httplib::Response& response) {
  std::string content;
  std::size_t cut = std::string::npos;
  {
    std::lock_guard lock(mutex_);
    cdn_seen_.push_back(seen(request));
    const RepoFile* file = find(request.matches[1]);
    if (!file) {
      response.status = 404;
      return;
    }
    content = file->content;
    if (auto c = corruptions_.find(file->path); c != corruptions_.end()) content[c->second] ^= 0x5a;
    if (auto c = cuts_.find(file->path); c != cuts_.end()) {
      cut = c->second;
      cuts_.erase(c);  // only the first response is cut
    }
  }
  // cpp-httplib answers a Range request with 206 and calls the provider from the range start.
  response.set_content_provider(
      content.size(), "application/octet-stream",
      [content, cut](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        std::size_t end = offset + length;
        if (cut != std::string::npos && end > cut) end = std::max(offset, cut);
        if (end > offset) sink.write(content.data() + offset, end - offset);
        return end == offset + length;  // false drops the connection mid-body
      });
}

}  // namespace sa3::test
