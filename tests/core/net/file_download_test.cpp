// SPDX-License-Identifier: GPL-3.0-or-later
// Resumable downloads: Range resume from a .part file, dropped connections, size and hash
// checks, and redirects to a CDN host that must not see the token.
#include "net/file_download.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

#include "base/file_hashing.h"
#include "base/sha256.h"
#include "loopback_server.h"
#include "test_support.h"

namespace sa3::net {
namespace {

using test::LoopbackServer;

std::string payload(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131) % 251);
  return s;
}

RetryPolicy fast() {
  RetryPolicy p;
  p.sleeper = [](std::chrono::milliseconds) {};
  return p;
}

struct FileServer {
  LoopbackServer server;
  std::string content = payload(600 * 1024);
  std::vector<std::string> ranges;  // Range header per request, "" when absent
  std::atomic<int> drops{0};        // first N requests stop halfway through the body
  std::atomic<bool> one_chunk_each{false};  // every request sends one chunk, then drops
  std::mutex mutex;

  FileServer() {
    server.server().Get("/f", [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard lock(mutex);
        ranges.push_back(req.has_header("Range") ? req.get_header_value("Range") : "");
      }
      // cpp-httplib answers Range requests itself (206 + Content-Range) from the provider.
      const bool drop = drops.fetch_sub(1) > 0;
      auto chunks = std::make_shared<int>(0);
      res.set_content_provider(content.size(), "application/octet-stream",
                               [this, drop, chunks](size_t offset, size_t length, httplib::DataSink& sink) {
                                 if (drop && offset >= content.size() / 2) return false;
                                 if (one_chunk_each && (*chunks)++ > 0) return false;
                                 const size_t n = std::min<size_t>(64 * 1024, length);
                                 sink.write(content.data() + offset, n);
                                 return true;
                               });
    });
    server.start();
  }
};

// A request for the whole of `fs`'s file, its size known, retried without waiting.
DownloadRequest whole_file(FileServer& fs, const std::filesystem::path& destination) {
  DownloadRequest req;
  req.url = fs.server.url("/f");
  req.destination = destination;
  req.expected_size = fs.content.size();
  req.retry = fast();
  return req;
}

TEST(FileDownload, ExistingPartFile_ResumedWithRange) {
  FileServer fs;
  test::TempDir dir;
  const auto dest = dir / "out.bin";
  test::write_text(part_path(dest), fs.content.substr(0, 1000));
  DownloadRequest req = whole_file(fs, dest);
  req.expected_sha256 = sha256_hex(fs.content);
  HttpClient client;
  const DownloadResult r = download_file(client, req);
  EXPECT_EQ(r.resumed_from, 1000u);
  EXPECT_EQ(r.bytes, fs.content.size());
  EXPECT_EQ(r.sha256, sha256_hex(fs.content));
  EXPECT_EQ(test::read_text(dest), fs.content);
  EXPECT_FALSE(std::filesystem::exists(part_path(dest)));
  EXPECT_EQ(fs.ranges, std::vector<std::string>{"bytes=1000-"});
}

TEST(FileDownload, ConnectionDroppedMidBody_RetriedFromWhereItStopped) {
  FileServer fs;
  fs.drops = 1;
  test::TempDir dir;
  DownloadRequest req = whole_file(fs, dir / "out.bin");
  HttpClient client;
  download_file(client, req);
  EXPECT_EQ(test::read_text(dir / "out.bin"), fs.content);
  ASSERT_EQ(fs.ranges.size(), 2u);
  EXPECT_EQ(fs.ranges[0], "");
  EXPECT_NE(fs.ranges[1], "");
}

TEST(FileDownload, WrongSize_FailsAndLeavesNoDestination) {
  FileServer fs;
  test::TempDir dir;
  DownloadRequest req = whole_file(fs, dir / "out.bin");
  req.expected_size = fs.content.size() + 1;
  HttpClient client;
  EXPECT_THROW(download_file(client, req), Error);
  EXPECT_FALSE(std::filesystem::exists(dir / "out.bin"));
  EXPECT_FALSE(std::filesystem::exists(part_path(dir / "out.bin")));
}

TEST(FileDownload, NotFound_InvalidInputNamingUrlWithoutQuery) {
  LoopbackServer s;
  s.start();
  test::TempDir dir;
  DownloadRequest req;
  req.url = s.url("/nothing?sig=secret");
  req.destination = dir / "out.bin";
  req.retry = fast();
  HttpClient client;
  try {
    download_file(client, req);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    ASSERT_NE(dynamic_cast<const DownloadHttpError*>(&e), nullptr);
    EXPECT_EQ(dynamic_cast<const DownloadHttpError&>(e).status(), 404);
    EXPECT_NE(std::string(e.what()).find("/nothing: HTTP 404"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos);
  }
}

TEST(FileDownload, RedirectToCdn_TokenNotSentThere) {
  FileServer cdn;
  std::string cdn_auth = "unset";
  cdn.server.server().set_pre_routing_handler([&](const httplib::Request& req, httplib::Response&) {
    cdn_auth = req.get_header_value("Authorization");
    return httplib::Server::HandlerResponse::Unhandled;
  });
  LoopbackServer hub;
  std::string hub_auth;
  hub.server().Get("/resolve", [&](const httplib::Request& req, httplib::Response& res) {
    hub_auth = req.get_header_value("Authorization");
    res.set_redirect(cdn.server.url("/f"), 302);
  });
  hub.start();
  test::TempDir dir;
  DownloadRequest req;
  req.url = hub.url("/resolve");
  req.destination = dir / "model.safetensors";
  req.auth_headers.add("Authorization", "Bearer hf_token");
  req.retry = fast();
  HttpClient client;
  const DownloadResult r = download_file(client, req);
  EXPECT_EQ(hub_auth, "Bearer hf_token");
  EXPECT_EQ(cdn_auth, "");
  EXPECT_EQ(r.final_url, cdn.server.url("/f"));
  EXPECT_EQ(test::read_text(dir / "model.safetensors"), cdn.content);
}

// git's blob id of `content`, as `git hash-object` prints it.
std::string git_blob_id(const std::string& content) {
  GitBlobSha1 id(content.size());
  id.update(content.data(), content.size());
  return id.hex_digest();
}

TEST(FileDownload, GitBlobId_ResumedPartHashedAndChecked) {
  EXPECT_EQ(git_blob_id("hello\n"), "ce013625030ba8dba906f756967f9e9ca394464a");
  FileServer fs;
  test::TempDir dir;
  const auto dest = dir / "tokenizer.model";
  test::write_text(part_path(dest), fs.content.substr(0, 5000));
  DownloadRequest req = whole_file(fs, dest);
  req.expected_git_blob_id = git_blob_id(fs.content);
  HttpClient client;
  const DownloadResult r = download_file(client, req);
  EXPECT_EQ(r.resumed_from, 5000u);
  EXPECT_EQ(r.sha256, sha256_hex(fs.content));
  EXPECT_EQ(test::read_text(dest), fs.content);
}

TEST(FileDownload, WrongGitBlobId_CorruptFileDeleted) {
  FileServer fs;
  test::TempDir dir;
  DownloadRequest req = whole_file(fs, dir / "config.json");
  req.expected_git_blob_id = git_blob_id(fs.content + "x");
  HttpClient client;
  try {
    download_file(client, req);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Environment);
    EXPECT_NE(std::string(e.what()).find("config.json: the downloaded file is corrupt (git blob id"), std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "config.json"));
  EXPECT_FALSE(std::filesystem::exists(part_path(dir / "config.json")));
}

TEST(FileDownload, EveryAttemptCutButMovingForward_AttemptsStartOverUntilDone) {
  FileServer fs;
  fs.one_chunk_each = true;  // 600 KiB in 64 KiB chunks: ten requests
  test::TempDir dir;
  DownloadRequest req = whole_file(fs, dir / "out.bin");
  req.expected_sha256 = sha256_hex(fs.content);
  req.retry.max_attempts = 2;
  HttpClient client;
  download_file(client, req);
  EXPECT_EQ(test::read_text(dir / "out.bin"), fs.content);
  EXPECT_GE(fs.ranges.size(), 10u);
}

TEST(FileDownload, ConnectionKeepsDroppingWithoutProgress_PartKeptForTheNextCall) {
  FileServer fs;
  fs.drops = 1000;
  test::TempDir dir;
  DownloadRequest req = whole_file(fs, dir / "out.bin");
  req.expected_sha256 = sha256_hex(fs.content);
  req.retry.max_attempts = 2;
  HttpClient client;
  try {
    download_file(client, req);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Environment);
    EXPECT_NE(std::string(e.what()).find("resumes from there"), std::string::npos) << e.what();
  }
  const auto kept = std::filesystem::file_size(part_path(dir / "out.bin"));
  EXPECT_GE(kept, fs.content.size() / 2);
  EXPECT_LT(kept, fs.content.size());

  fs.drops = 0;
  const DownloadResult r = download_file(client, req);
  EXPECT_EQ(r.resumed_from, kept);
  EXPECT_EQ(test::read_text(dir / "out.bin"), fs.content);
}

TEST(FileDownload, ServerSendsMoreThanExpected_Refused) {
  FileServer fs;
  test::TempDir dir;
  DownloadRequest req = whole_file(fs, dir / "out.bin");
  req.expected_size = fs.content.size() - 10;
  HttpClient client;
  try {
    download_file(client, req);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("sent more than"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "out.bin"));
}

}  // namespace
}  // namespace sa3::net
