// SPDX-License-Identifier: GPL-3.0-or-later
// HttpClient against loopback servers: methods, bodies, redirects and the credential policy,
// streaming, uploads, timeouts and cancellation.
#include "net/http_client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "loopback_server.h"
#include "test_support.h"

namespace sa3::net {
namespace {

using test::LoopbackServer;

struct Seen {
  std::mutex mutex;
  std::vector<std::string> authorization;  // "" when absent
  void record(const httplib::Request& req) {
    std::lock_guard lock(mutex);
    authorization.push_back(req.has_header("Authorization") ? req.get_header_value("Authorization") : "");
  }
};

HttpRequest with_key(const std::string& url) {
  HttpRequest r;
  r.url = url;
  r.auth_headers.add("Authorization", "Key secret-key");
  return r;
}

TEST(HttpClient, Post_SendsBodyAndReturnsStatusHeadersBody) {
  LoopbackServer s;
  s.server().Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
    res.status = 201;
    res.set_header("X-Fal-Request-Id", "r1");
    res.set_content(req.get_header_value("Content-Type") + "|" + req.body, "text/plain");
  });
  s.start();
  HttpClient client;
  HttpRequest r;
  r.method = "POST";
  r.url = s.url("/echo");
  r.headers.add("Content-Type", "application/json");
  r.body = R"({"a":1})";
  const HttpResponse resp = client.send(r);
  EXPECT_EQ(resp.status, 201);
  EXPECT_EQ(resp.body, R"(application/json|{"a":1})");
  EXPECT_EQ(resp.headers.get("x-fal-request-id"), "r1");
}

TEST(HttpClient, RedirectToOtherHost_AuthHeaderStaysBehind) {
  Seen api_seen, cdn_seen;
  LoopbackServer cdn;
  cdn.server().Get("/file", [&](const httplib::Request& req, httplib::Response& res) {
    cdn_seen.record(req);
    res.set_content("bytes", "application/octet-stream");
  });
  cdn.start();
  LoopbackServer api;
  api.server().Get("/start", [&](const httplib::Request& req, httplib::Response& res) {
    api_seen.record(req);
    res.set_redirect(cdn.url("/file"), 302);
  });
  api.start();
  HttpClient client;
  const HttpResponse resp = client.send(with_key(api.url("/start")));
  EXPECT_EQ(resp.status, 200);
  EXPECT_EQ(resp.body, "bytes");
  EXPECT_EQ(resp.final_url, cdn.url("/file"));
  EXPECT_EQ(api_seen.authorization, std::vector<std::string>{"Key secret-key"});
  EXPECT_EQ(cdn_seen.authorization, std::vector<std::string>{""});

  HttpRequest allowed = with_key(api.url("/start"));
  allowed.authorized_hosts = {"127.0.0.1:" + std::to_string(cdn.port())};
  client.send(allowed);
  EXPECT_EQ(cdn_seen.authorization.back(), "Key secret-key");
}

TEST(HttpClient, SeeOtherAfterPost_FollowedAsGet) {
  LoopbackServer s;
  s.server().Post("/submit", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(s.url("/result"), 303); });
  s.server().Get("/result", [](const httplib::Request&, httplib::Response& res) { res.set_content("done", "text/plain"); });
  s.start();
  HttpClient client;
  HttpRequest r;
  r.method = "POST";
  r.url = s.url("/submit");
  r.body = "x";
  EXPECT_EQ(client.send(r).body, "done");
}

TEST(HttpClient, RedirectLoop_StopsWithTransportError) {
  LoopbackServer s;
  s.server().Get("/loop", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(s.url("/loop"), 302); });
  s.start();
  HttpClient client;
  HttpRequest r;
  r.url = s.url("/loop");
  r.max_redirects = 3;
  EXPECT_THROW(client.send(r), TransportError);
}

TEST(HttpClient, CredentialsOverPlainHttpToRemoteHost_Refused) {
  HttpClient client;
  try {
    client.send(with_key("http://example.invalid/x"));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(e.what()).find("plain http"), std::string::npos);
  }
}

TEST(HttpClient, Sink_ReceivesSuccessBodyButErrorBodyStaysInResponse) {
  LoopbackServer s;
  s.server().Get("/ok", [](const httplib::Request&, httplib::Response& res) { res.set_content(std::string(100000, 'z'), "application/octet-stream"); });
  s.server().Get("/missing", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content(R"({"detail":"not found"})", "application/json");
  });
  s.start();
  HttpClient client;
  std::string sunk;
  long started = 0;
  HttpRequest r;
  r.url = s.url("/ok");
  r.sink = [&](const char* d, size_t n) { sunk.append(d, n); };
  r.on_response_start = [&](long status, const Headers&) { started = status; };
  const HttpResponse ok = client.send(r);
  EXPECT_EQ(sunk.size(), 100000u);
  EXPECT_EQ(started, 200);
  EXPECT_TRUE(ok.body.empty());
  sunk.clear();
  r.url = s.url("/missing");
  const HttpResponse missing = client.send(r);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, R"({"detail":"not found"})");
  EXPECT_TRUE(sunk.empty());
}

TEST(HttpClient, FileBodyUpload_SendsSliceAndReportsProgress) {
  test::TempDir dir;
  std::string content(3 * 1024 * 1024, '\0');
  for (size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>(i * 7);
  test::write_text(dir / "data.bin", content);
  LoopbackServer s;
  std::string received;
  s.server().Put("/part", [&](const httplib::Request& req, httplib::Response& res) {
    received = req.body;
    res.set_header("ETag", "\"e1\"");
  });
  s.start();
  HttpClient client;
  HttpRequest r;
  r.method = "PUT";
  r.url = s.url("/part");
  r.body_file = FileBody{dir / "data.bin", 1000, 2 * 1024 * 1024};
  std::uint64_t last_done = 0;
  r.on_transfer = [&](std::uint64_t done, std::uint64_t) { last_done = std::max(last_done, done); };
  const HttpResponse resp = client.send(r);
  EXPECT_EQ(resp.status, 200);
  EXPECT_EQ(resp.headers.get("etag"), "\"e1\"");
  EXPECT_EQ(received, content.substr(1000, 2 * 1024 * 1024));
  EXPECT_GT(last_done, 0u);
}

TEST(HttpClient, SlowServer_TimesOutAsMaybeDelivered) {
  LoopbackServer s;
  s.server().Get("/slow", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    res.set_content("late", "text/plain");
  });
  s.start();
  HttpClient client;
  HttpRequest r;
  r.url = s.url("/slow");
  r.timeout_s = 1;
  try {
    client.send(r);
    FAIL() << "expected a timeout";
  } catch (const TransportError& e) {
    EXPECT_TRUE(e.maybe_delivered());
  }
}

TEST(HttpClient, NothingListening_TransportErrorNotDelivered) {
  int port = 0;
  {
    LoopbackServer s;
    s.start();
    port = s.port();
  }
  HttpClient client;
  HttpRequest r;
  r.url = "http://127.0.0.1:" + std::to_string(port) + "/x";
  try {
    client.send(r);
    FAIL() << "expected a connection error";
  } catch (const TransportError& e) {
    EXPECT_FALSE(e.maybe_delivered());
  }
}

TEST(HttpClient, CancelDuringDownload_ThrowsCancelled) {
  LoopbackServer s;
  s.server().Get("/stream", [](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(50 * 1024 * 1024, "application/octet-stream",
                             [](size_t, size_t, httplib::DataSink& sink) {
                               std::this_thread::sleep_for(std::chrono::milliseconds(20));
                               const std::string chunk(64 * 1024, 'a');
                               sink.write(chunk.data(), chunk.size());
                               return true;
                             });
  });
  s.start();
  HttpClient client;
  JobControl control;
  HttpRequest r;
  r.url = s.url("/stream");
  r.control = &control;
  size_t got = 0;
  r.sink = [&](const char*, size_t n) {
    got += n;
    if (got > 256 * 1024) control.cancel();
  };
  EXPECT_THROW(client.send(r), Cancelled);
  EXPECT_LT(got, 50u * 1024 * 1024);
}

}  // namespace
}  // namespace sa3::net
