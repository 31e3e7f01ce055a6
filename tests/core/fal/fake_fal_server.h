// SPDX-License-Identifier: GPL-3.0-or-later
// A fake of fal's queue, storage and CDN (spec/fal-protocol.md §10) on 127.0.0.1, for tests
// of the fal client, the CLI and the studio. Two cpp-httplib servers: the API (queue routes at
// the root, storage under /storage) which requires `Authorization: Key <key>`, and a CDN on
// another port (signed uploads, multipart parts, result files) which must never see the key.
// Jobs advance one state per status poll, so tests are deterministic; faults are queued per
// route and consumed one per request.
#pragma once

#include <httplib.h>

#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace sa3::test {

class FakeFalServer {
 public:
  struct Options {
    std::string key = "fake-key-id:fake-key-secret";
    int queue_polls = 2;     // status polls answered IN_QUEUE (positions counting down to 0)
    int progress_polls = 3;  // status polls answered IN_PROGRESS, each adding log lines
    bool redirect_downloads = true;  // CDN files answer 302 to their bytes
    bool expire_results = false;     // the result route answers 404 (result expired)
    bool reject_at_submit = false;   // invalid input gives 422 at submit, not at the end
  };

  enum class FaultKind {
    Status,         // answer `status` with `body` and `headers` instead of handling the request
    Drop,           // handle the request, then cut the connection in the middle of the answer
    Slow,           // wait `delay_ms`, then handle the request
    MalformedJson,  // answer 200 with a body that is not JSON
  };
  struct Fault {
    FaultKind kind = FaultKind::Status;
    int status = 503;
    std::string body = "<html><body>502 Bad Gateway nginx</body></html>";
    std::vector<std::pair<std::string, std::string>> headers;
    int delay_ms = 0;
  };

  struct Recorded {
    std::string host;  // "api" or "cdn"
    std::string method, path, query;
    std::map<std::string, std::string> headers;  // lower-case names
    size_t body_size = 0;
  };

  FakeFalServer();
  explicit FakeFalServer(Options options);
  ~FakeFalServer();
  FakeFalServer(const FakeFalServer&) = delete;
  FakeFalServer& operator=(const FakeFalServer&) = delete;

  std::string queue_base() const { return api_url_; }
  std::string rest_base() const { return api_url_; }
  std::string cdn_base() const { return cdn_url_; }
  const std::string& key() const { return options_.key; }

  // Routes: submit, status, result, cancel, initiate, initiate-multipart, upload, part,
  // complete, download.
  void add_fault(const std::string& route, Fault fault);

  std::vector<Recorded> requests() const;
  size_t job_count() const;
  // The bytes stored at a CDN file URL ("" when none).
  std::string stored_file(const std::string& file_url) const;
  // Status of the only (or last) job: IN_QUEUE, IN_PROGRESS, COMPLETED.
  std::string last_job_status() const;
  nlohmann::json last_job_input() const;
  std::vector<int> multipart_part_sizes() const;

 private:
  struct Job;
  struct Stored {
    std::string bytes, content_type;
  };

  void install_api_routes();
  void install_cdn_routes();
  bool take_fault(const std::string& route, const httplib::Request& req, httplib::Response& res,
                  const std::function<void(const httplib::Request&, httplib::Response&)>& handler);
  void record(const std::string& host, const httplib::Request& req);
  bool authorised(const httplib::Request& req, httplib::Response& res);
  nlohmann::json status_body(const Job& job, bool logs) const;
  void advance(Job& job);
  void start_job(Job& job);
  void complete(Job& job);

  Options options_;
  httplib::Server api_, cdn_;
  std::thread api_thread_, cdn_thread_;
  std::string api_url_, cdn_url_;
  mutable std::mutex mutex_;
  std::map<std::string, std::deque<Fault>> faults_;
  std::vector<Recorded> requests_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::string last_job_;
  std::map<std::string, Stored> files_;                     // CDN path -> bytes
  std::map<std::string, std::string> uploads_;              // upload token -> CDN file path
  std::map<std::string, std::map<int, std::string>> parts_;  // multipart token -> parts
  std::vector<int> part_sizes_;
  int next_id_ = 1;
};

}  // namespace sa3::test
