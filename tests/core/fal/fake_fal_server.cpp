// SPDX-License-Identifier: GPL-3.0-or-later
// The fake fal server: queue job engine, storage with single and multipart uploads, CDN.
#include "fake_fal_server.h"

#include <chrono>

#include "sa3/job.h"

namespace sa3::test {

using nlohmann::json;

struct FakeFalServer::Job {
  std::string id, app;
  json input;
  int polls = 0;
  std::string status = "IN_QUEUE";
  int position = 0;
  json logs = json::array();
  bool failed = false;
  int error_status = 0;
  json error_body;
  std::string error, error_type;
  json output;
};

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void reply_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

std::string iso_now() { return "2026-11-25T12:00:00.000Z"; }

}  // namespace

FakeFalServer::FakeFalServer() : FakeFalServer(Options{}) {}

FakeFalServer::FakeFalServer(Options options) : options_(std::move(options)) {
  install_api_routes();
  install_cdn_routes();
  const int api_port = api_.bind_to_any_port("127.0.0.1");
  const int cdn_port = cdn_.bind_to_any_port("127.0.0.1");
  api_url_ = "http://127.0.0.1:" + std::to_string(api_port);
  cdn_url_ = "http://127.0.0.1:" + std::to_string(cdn_port);
  api_thread_ = std::thread([this] { api_.listen_after_bind(); });
  cdn_thread_ = std::thread([this] { cdn_.listen_after_bind(); });
  // stop() before the accept loops run would be lost.
  while (!api_.is_running() || !cdn_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeFalServer::~FakeFalServer() {
  api_.stop();
  cdn_.stop();
  api_thread_.join();
  cdn_thread_.join();
}

void FakeFalServer::add_fault(const std::string& route, Fault fault) {
  std::lock_guard lock(mutex_);
  faults_[route].push_back(std::move(fault));
}

std::vector<FakeFalServer::Recorded> FakeFalServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

size_t FakeFalServer::job_count() const {
  std::lock_guard lock(mutex_);
  return jobs_.size();
}

std::string FakeFalServer::stored_file(const std::string& file_url) const {
  std::lock_guard lock(mutex_);
  if (file_url.rfind(cdn_url_, 0) != 0) return {};
  const auto it = files_.find(file_url.substr(cdn_url_.size()));
  return it == files_.end() ? std::string() : it->second.bytes;
}

std::string FakeFalServer::last_job_status() const {
  std::lock_guard lock(mutex_);
  return jobs_.count(last_job_) ? jobs_.at(last_job_)->status : "";
}

json FakeFalServer::last_job_input() const {
  std::lock_guard lock(mutex_);
  return jobs_.count(last_job_) ? jobs_.at(last_job_)->input : json();
}

std::vector<int> FakeFalServer::multipart_part_sizes() const {
  std::lock_guard lock(mutex_);
  return part_sizes_;
}

void FakeFalServer::record(const std::string& host, const httplib::Request& req) {
  Recorded r;
  r.host = host;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.query += (r.query.empty() ? "" : "&") + k + "=" + v;
  for (const auto& [k, v] : req.headers) r.headers[lower(k)] = v;
  r.body_size = req.body.size();
  std::lock_guard lock(mutex_);
  requests_.push_back(std::move(r));
}

bool FakeFalServer::take_fault(const std::string& route, const httplib::Request& req, httplib::Response& res,
                               const std::function<void(const httplib::Request&, httplib::Response&)>& handler) {
  Fault fault;
  {
    std::lock_guard lock(mutex_);
    auto& queue = faults_[route];
    if (queue.empty()) return false;
    fault = queue.front();
    queue.pop_front();
  }
  switch (fault.kind) {
    case FaultKind::Status:
      res.status = fault.status;
      for (const auto& [k, v] : fault.headers) res.set_header(k, v);
      res.set_content(fault.body, fault.body.rfind('{', 0) == 0 ? "application/json" : "text/html");
      return true;
    case FaultKind::Drop: {
      handler(req, res);
      res.body.clear();  // cpp-httplib sends a set body in preference to a provider
      // Promise a long body, send a little, then cut the connection.
      res.set_content_provider(1 << 20, "application/json", [](size_t offset, size_t, httplib::DataSink& sink) {
        if (offset > 0) return false;
        sink.write("{\"status\":", 10);
        return true;
      });
      return true;
    }
    case FaultKind::Slow:
      std::this_thread::sleep_for(std::chrono::milliseconds(fault.delay_ms));
      return false;
    case FaultKind::MalformedJson:
      res.status = 200;
      res.set_content("{\"status\": \"IN_PROG", "application/json");
      return true;
  }
  return false;
}

bool FakeFalServer::authorised(const httplib::Request& req, httplib::Response& res) {
  if (req.get_header_value("Authorization") == "Key " + options_.key) return true;
  reply_json(res, 401, {{"detail", "Unauthorized"}});
  return false;
}

json FakeFalServer::status_body(const Job& job, bool logs) const {
  const std::string base = api_url_ + "/" + job.app + "/requests/" + job.id;
  json body{{"status", job.status},
            {"request_id", job.id},
            {"response_url", base},
            {"status_url", base + "/status"},
            {"cancel_url", base + "/cancel"}};
  if (job.status == "IN_QUEUE") body["queue_position"] = job.position;
  if (job.status != "IN_QUEUE") body["logs"] = logs ? job.logs : json(nullptr);
  if (job.status == "COMPLETED") {
    body["metrics"] = {{"inference_time", 12.5}};
    if (job.failed) {
      body["error"] = job.error;
      body["error_type"] = job.error_type;
    }
  }
  return body;
}

void FakeFalServer::start_job(Job& job) {
  job.logs.push_back({{"message", "Downloading dataset"}, {"level", "INFO"}, {"source", "USER"}, {"timestamp", iso_now()}});
  const JobParse parsed = parse_job(job.input.dump());
  if (!parsed.ok()) {
    job.failed = true;
    job.error_status = 422;
    job.error_body = json::parse(problems_to_detail_json(parsed.problems));
    job.error = "Invalid status code: 422";
    job.error_type = "value_error";
    return;
  }
  const std::string url = parsed.job.audio_data_url;
  const bool ours = url.rfind(cdn_url_ + "/files/", 0) == 0 && files_.count(url.substr(cdn_url_.size()));
  if (!ours || files_.at(url.substr(cdn_url_.size())).bytes.rfind("PK", 0) != 0) {
    job.failed = true;
    job.error_status = 422;
    job.error_body = {{"detail", json::array({{{"loc", {"body", "audio_data_url"}},
                                               {"msg", "Could not download a zip archive from this URL"},
                                               {"type", "file_download_error"}}})}};
    job.error = "Invalid status code: 422";
    job.error_type = "file_download_error";
  }
}

void FakeFalServer::complete(Job& job) {
  job.status = "COMPLETED";
  if (job.failed) return;
  const std::string stem = "/files/out-" + job.id + "/";
  const std::string lora = "SAFETENSORS-FAKE-LORA-" + job.id + std::string(4096, 'w');
  const std::string config = json{{"rank", job.input.value("rank", 16)}, {"base_model", job.input.value("model", "medium-base")}}.dump();
  files_[stem + "lora.safetensors"] = {lora, "application/octet-stream"};
  files_[stem + "config.json"] = {config, "application/json"};
  job.output = {{"lora_file", {{"url", cdn_url_ + stem + "lora.safetensors"}, {"content_type", "application/octet-stream"},
                               {"file_name", "lora.safetensors"}, {"file_size", lora.size()}}},
                {"config_file", {{"url", cdn_url_ + stem + "config.json"}, {"content_type", "application/json"},
                                 {"file_name", "config.json"}, {"file_size", config.size()}}}};
}

void FakeFalServer::advance(Job& job) {
  if (job.status == "COMPLETED") return;
  ++job.polls;
  if (job.polls <= options_.queue_polls) {
    job.position = options_.queue_polls - job.polls;
    return;
  }
  const int progress = job.polls - options_.queue_polls;
  if (job.status == "IN_QUEUE") {
    job.status = "IN_PROGRESS";
    start_job(job);
    return;
  }
  if (job.failed || progress > options_.progress_polls + 1) {
    complete(job);
    return;
  }
  // Polls 2 .. progress_polls+1 log steps 0 .. number_of_steps evenly.
  const int steps = job.input.value("number_of_steps", 1000);
  const int step = steps * (progress - 2) / std::max(1, options_.progress_polls - 1);
  char line[96];
  std::snprintf(line, sizeof line, "step %d/%d loss=%.4f", step, steps, 0.5 / (1.0 + step));
  job.logs.push_back({{"message", line}, {"level", "INFO"}, {"source", "USER"}, {"timestamp", iso_now()}});
}

void FakeFalServer::install_api_routes() {
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  auto route = [this](const std::string& name, Handler handler) {
    return [this, name, handler](const httplib::Request& req, httplib::Response& res) {
      record("api", req);
      if (!authorised(req, res)) return;
      if (take_fault(name, req, res, handler)) return;
      handler(req, res);
    };
  };

  api_.Post(R"(/([^/]+)/([^/]+))", route("submit", [this](const httplib::Request& req, httplib::Response& res) {
    const json input = json::parse(req.body, nullptr, false);
    if (!input.is_object()) return reply_json(res, 422, {{"detail", "Request body is not a JSON object"}});
    if (options_.reject_at_submit) {
      const JobParse parsed = parse_job(req.body);
      if (!parsed.ok()) {
        res.status = 422;
        return res.set_content(problems_to_detail_json(parsed.problems), "application/json");
      }
    }
    auto job = std::make_shared<Job>();
    job->app = req.matches[1].str() + "/" + req.matches[2].str();
    job->input = input;
    job->position = options_.queue_polls;
    {
      std::lock_guard lock(mutex_);
      job->id = "req-" + std::to_string(next_id_++);
      jobs_[job->id] = job;
      last_job_ = job->id;
    }
    json body = status_body(*job, false);
    body["gateway_request_id"] = job->id;
    res.set_header("x-fal-request-id", job->id);
    reply_json(res, 200, body);
  }));

  api_.Get(R"(/([^/]+)/([^/]+)/requests/([^/]+)/status)", route("status", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex_);
    const auto it = jobs_.find(req.matches[3].str());
    if (it == jobs_.end()) return reply_json(res, 404, {{"detail", "Request not found"}});
    advance(*it->second);
    const std::string logs = req.get_param_value("logs");
    res.set_header("x-fal-request-id", it->first);
    reply_json(res, it->second->status == "COMPLETED" ? 200 : 202, status_body(*it->second, logs == "1" || logs == "true"));
  }));

  api_.Get(R"(/([^/]+)/([^/]+)/requests/([^/]+))", route("result", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex_);
    const auto it = jobs_.find(req.matches[3].str());
    if (it == jobs_.end() || options_.expire_results) return reply_json(res, 404, {{"detail", "Request not found"}});
    const Job& job = *it->second;
    res.set_header("x-fal-request-id", job.id);
    if (job.status != "COMPLETED") return reply_json(res, 400, {{"detail", "Request is still in progress"}});
    if (job.failed) return reply_json(res, job.error_status, job.error_body);
    reply_json(res, 200, job.output);
  }));

  api_.Put(R"(/([^/]+)/([^/]+)/requests/([^/]+)/cancel)", route("cancel", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex_);
    const auto it = jobs_.find(req.matches[3].str());
    if (it == jobs_.end()) return reply_json(res, 404, {{"status", "NOT_FOUND"}});
    Job& job = *it->second;
    if (job.status == "COMPLETED") return reply_json(res, 400, {{"status", "ALREADY_COMPLETED"}});
    job.failed = true;
    job.error_status = 499;
    job.error_body = {{"detail", "Request cancelled by the client."}};
    job.error = "Request cancelled by the client.";
    job.error_type = "request_cancelled";
    job.status = "COMPLETED";
    reply_json(res, 202, {{"status", "CANCELLATION_REQUESTED"}});
  }));

  auto initiate = [this](bool multipart) {
    return [this, multipart](const httplib::Request& req, httplib::Response& res) {
      const json body = json::parse(req.body, nullptr, false);
      if (!body.is_object() || !body.contains("file_name") || !body.contains("content_type"))
        return reply_json(res, 422, {{"detail", json::array({{{"loc", {"body", "file_name"}}, {"msg", "Field required"}, {"type", "missing"}}})}});
      std::lock_guard lock(mutex_);
      const std::string token = "tok" + std::to_string(next_id_++);
      const std::string file_path = "/files/" + token + "/" + body["file_name"].get<std::string>();
      uploads_[token] = file_path;
      const std::string upload = multipart ? cdn_url_ + "/multipart/" + token + "?sig=s-" + token
                                           : cdn_url_ + "/upload/" + token + "?sig=s-" + token;
      reply_json(res, 200, {{"upload_url", upload}, {"file_url", cdn_url_ + file_path}});
    };
  };
  api_.Post("/storage/upload/initiate", route("initiate", initiate(false)));
  api_.Post("/storage/upload/initiate-multipart", route("initiate-multipart", initiate(true)));
}

void FakeFalServer::install_cdn_routes() {
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  auto route = [this](const std::string& name, Handler handler) {
    return [this, name, handler](const httplib::Request& req, httplib::Response& res) {
      record("cdn", req);
      if (take_fault(name, req, res, handler)) return;
      handler(req, res);
    };
  };
  auto signed_ok = [](const httplib::Request& req, const std::string& token) {
    return req.get_param_value("sig") == "s-" + token;
  };

  cdn_.Put(R"(/upload/([^/]+))", route("upload", [this, signed_ok](const httplib::Request& req, httplib::Response& res) {
    const std::string token = req.matches[1];
    std::lock_guard lock(mutex_);
    if (!signed_ok(req, token) || !uploads_.count(token)) return reply_json(res, 403, {{"detail", "bad signature"}});
    files_[uploads_[token]] = {req.body, req.get_header_value("Content-Type")};
    reply_json(res, 200, json::object());
  }));

  cdn_.Put(R"(/multipart/([^/]+)/(\d+))", route("part", [this, signed_ok](const httplib::Request& req, httplib::Response& res) {
    const std::string token = req.matches[1];
    const int n = std::stoi(req.matches[2]);
    std::lock_guard lock(mutex_);
    if (!signed_ok(req, token) || !uploads_.count(token) || n < 1) return reply_json(res, 403, {{"detail", "bad part URL"}});
    parts_[token][n] = req.body;
    part_sizes_.push_back(static_cast<int>(req.body.size()));
    const std::string etag = "\"etag-" + std::to_string(n) + "-" + std::to_string(req.body.size()) + "\"";
    res.set_header("ETag", etag);
    reply_json(res, 200, {{"partNumber", n}, {"etag", etag}});
  }));

  cdn_.Post(R"(/multipart/([^/]+)/complete)", route("complete", [this, signed_ok](const httplib::Request& req, httplib::Response& res) {
    const std::string token = req.matches[1];
    const json body = json::parse(req.body, nullptr, false);
    std::lock_guard lock(mutex_);
    if (!signed_ok(req, token) || !uploads_.count(token)) return reply_json(res, 403, {{"detail", "bad signature"}});
    if (!body.is_object() || !body.contains("parts") || !body["parts"].is_array())
      return reply_json(res, 400, {{"detail", "parts missing"}});
    std::string bytes;
    int expected = 1;
    for (const json& part : body["parts"]) {
      const int n = part.value("partNumber", 0);
      const auto it = parts_[token].find(n);
      const std::string etag = "\"etag-" + std::to_string(n) + "-" + std::to_string(it == parts_[token].end() ? 0 : it->second.size()) + "\"";
      if (n != expected++ || it == parts_[token].end() || part.value("etag", "") != etag)
        return reply_json(res, 400, {{"detail", "part " + std::to_string(n) + " missing or its etag differs"}});
      bytes += it->second;
    }
    files_[uploads_[token]] = {bytes, "application/zip"};
    reply_json(res, 200, json::object());
  }));

  cdn_.Get(R"(/files/(.+))", route("download", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex_);
    const auto it = files_.find(req.path);
    if (it == files_.end()) return reply_json(res, 404, {{"detail", "Not found"}});
    if (options_.redirect_downloads) return res.set_redirect(cdn_url_ + "/raw" + req.path, 302);
    res.set_content(it->second.bytes, it->second.content_type.c_str());
  }));
  cdn_.Get(R"(/raw(/files/.+))", [this](const httplib::Request& req, httplib::Response& res) {
    record("cdn", req);
    std::lock_guard lock(mutex_);
    const auto it = files_.find(req.matches[1]);
    if (it == files_.end()) return reply_json(res, 404, {{"detail", "Not found"}});
    res.set_content(it->second.bytes, it->second.content_type.c_str());
  });
}

}  // namespace sa3::test
