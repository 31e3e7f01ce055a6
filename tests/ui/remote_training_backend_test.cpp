// SPDX-License-Identifier: GPL-3.0-or-later
// RemoteTrainingBackend against the fake fal server: a whole run as the Training page sees it,
// stop (cancel on fal, and fal refusing it), reattach from the run folder after a restart, a
// failed job's 422 detail in wait(), and bad requests refused at once.
#include "ui/training/remote_training_backend.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>

#include "fake_fal_server.h"
#include "fal_test_support.h"
#include "job/run_folder.h"
#include "test_support.h"

namespace sa3::ui {
namespace {

using nlohmann::json;
using test::FakeFalServer;
namespace fs = std::filesystem;

// The events a backend reported, for the test thread to wait on.
class EventLog {
 public:
  void attach(TrainingBackend& backend) {
    backend.on_event = [this](const std::string& line) {
      std::lock_guard lock(m_mutex);
      m_lines.push_back(line);
      m_changed.notify_all();
    };
  }
  // Blocks until `count` events of `kind` arrived (at most 10 s).
  bool waitFor(const std::string& kind, size_t count = 1) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::seconds(10), [&] { return countLocked(kind) >= count; });
  }
  std::vector<json> events() const {
    std::lock_guard lock(m_mutex);
    std::vector<json> out;
    for (const std::string& line : m_lines) out.push_back(json::parse(line));
    return out;
  }
  std::vector<std::string> lines() const {
    std::lock_guard lock(m_mutex);
    return m_lines;
  }

 private:
  size_t countLocked(const std::string& kind) const {
    size_t n = 0;
    for (const std::string& line : m_lines) n += json::parse(line).value("event", "") == kind;
    return n;
  }
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::vector<std::string> m_lines;
};

std::vector<json> of_kind(const std::vector<json>& events, const std::string& kind) {
  std::vector<json> out;
  for (const json& e : events)
    if (e.value("event", "") == kind) out.push_back(e);
  return out;
}

struct RemoteBackend : ::testing::Test {
  test::TempDir dir;
  fs::path zip = dir / "dataset.zip";
  fs::path run = dir / "run";

  void SetUp() override {
    test::write_dataset_zip(zip, 5);
    for (const char* name : {"FAL_KEY", "FAL_KEY_ID", "FAL_KEY_SECRET"}) ::unsetenv(name);
    ::setenv("SA3_FAL_POLL_INTERVAL_MS", "5", 1);
    ::setenv("SA3_FAL_RETRY_BASE_MS", "1", 1);
  }
  void TearDown() override {
    for (const char* name : {"SA3_FAL_QUEUE_URL", "SA3_FAL_REST_URL", "SA3_FAL_POLL_INTERVAL_MS", "SA3_FAL_RETRY_BASE_MS"})
      ::unsetenv(name);
  }
  // Points the client at the fake server, as the studio's tests and CI do.
  static void useServer(const FakeFalServer& server) {
    ::setenv("SA3_FAL_QUEUE_URL", server.queue_base().c_str(), 1);
    ::setenv("SA3_FAL_REST_URL", server.rest_base().c_str(), 1);
  }
  TrainingStart request() const { return {test::small_fal_job(), zip, run}; }
  // Starts a run and presses Stop once fal reports its queue position.
  Status stopWhileQueued(const FakeFalServer& server, EventLog& log) {
    useServer(server);
    RemoteTrainingBackend backend(server.key());
    log.attach(backend);
    if (auto started = backend.start(request()); !started) return started;
    EXPECT_TRUE(log.waitFor("queue"));
    backend.stop();
    return backend.wait();
  }
};

TEST_F(RemoteBackend, FullRun_QueueLogsLossesAndOutputsInRunFolder) {
  FakeFalServer server;
  useServer(server);
  RemoteTrainingBackend backend(server.key());
  EventLog log;
  log.attach(backend);
  ASSERT_TRUE(backend.start(request()));
  const Status done = backend.wait();
  ASSERT_TRUE(done) << done.error().message;

  const auto events = log.events();
  const auto queue = of_kind(events, "queue");
  ASSERT_EQ(queue.size(), 2u);
  EXPECT_EQ(queue[0]["position"], 1);
  EXPECT_EQ(queue[1]["position"], 0);
  std::vector<std::string> messages;
  for (const json& e : of_kind(events, "log")) messages.push_back(e["message"]);
  EXPECT_NE(std::find(messages.begin(), messages.end(), "Downloading dataset"), messages.end());
  const auto steps = of_kind(events, "step");
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps.back()["step"], 200);
  EXPECT_DOUBLE_EQ(steps.back()["loss"].get<double>(), 0.0025);
  EXPECT_EQ(steps.back()["total_steps"], 200);
  EXPECT_EQ(events.back()["event"], "finished");
  EXPECT_EQ(of_kind(events, "start").front()["device"], "fal");

  EXPECT_EQ(test::read_text(run / "lora.safetensors").rfind("SAFETENSORS-FAKE-LORA-", 0), 0u);
  EXPECT_EQ(json::parse(test::read_text(run / "config.json"))["rank"], 8);
  EXPECT_EQ(json::parse(test::read_text(run / "run.json"))["status"], "finished");
  // The page's live view and progress.jsonl see the same lines.
  EXPECT_EQ(read_progress_events(run).size(), events.size());
  for (const std::string& line : log.lines()) EXPECT_EQ(line.find(server.key()), std::string::npos) << line;
}

TEST_F(RemoteBackend, StopWhileQueued_CancelledOnFalAndRunStopped) {
  FakeFalServer server({.queue_polls = 1000});
  EventLog log;
  const Status done = stopWhileQueued(server, log);
  ASSERT_FALSE(done);
  EXPECT_TRUE(done.error().cancelled()) << done.error().message;
  EXPECT_EQ(server.last_job_status(), "COMPLETED");
  EXPECT_EQ(log.events().back()["event"], "stopped");
  EXPECT_EQ(json::parse(test::read_text(run / "run.json"))["status"], "stopped");
  EXPECT_FALSE(fs::exists(run / "lora.safetensors"));
  size_t cancels = 0;
  for (const auto& r : server.requests()) cancels += r.method == "PUT" && r.path.ends_with("/cancel");
  EXPECT_EQ(cancels, 1u);
}

TEST_F(RemoteBackend, CancelRefusedByFal_WaitSaysItMayStillRun) {
  FakeFalServer server({.queue_polls = 1000});
  server.add_fault("cancel", {FakeFalServer::FaultKind::Status, 403, R"({"detail":"Forbidden"})"});
  EventLog log;
  const Status done = stopWhileQueued(server, log);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().kind, ErrorKind::Environment);
  EXPECT_NE(done.error().message.find("Forbidden"), std::string::npos) << done.error().message;
  EXPECT_NE(done.error().message.find("sa3 remote cancel " + run.string()), std::string::npos) << done.error().message;
  EXPECT_EQ(server.last_job_status(), "IN_QUEUE");
  EXPECT_EQ(json::parse(test::read_text(run / "run.json"))["status"], "running");
}

TEST_F(RemoteBackend, ReattachAfterRestart_ContinuesWithoutRepeatingLogs) {
  FakeFalServer server({.queue_polls = 1, .progress_polls = 4});
  useServer(server);
  // Slow polls leave the test thread time to "quit the studio" between two of them.
  ::setenv("SA3_FAL_POLL_INTERVAL_MS", "300", 1);
  {
    RemoteTrainingBackend first(server.key());
    EventLog log;
    log.attach(first);
    ASSERT_TRUE(first.start(request()));
    ASSERT_TRUE(log.waitFor("step", 2));
  }
  EXPECT_EQ(server.last_job_status(), "IN_PROGRESS");
  EXPECT_EQ(json::parse(test::read_text(run / "run.json"))["status"], "running");

  ::setenv("SA3_FAL_POLL_INTERVAL_MS", "5", 1);
  RemoteTrainingBackend second(server.key());
  EventLog log;
  log.attach(second);
  ASSERT_TRUE(second.reattach(run));
  const Status done = second.wait();
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(of_kind(log.events(), "start").size(), 0u);
  EXPECT_EQ(log.events().back()["event"], "finished");
  std::vector<std::string> messages;
  for (const json& e : read_progress_events(run))
    if (e["event"] == "log" && e.contains("fal_index")) messages.push_back(e["message"]);
  EXPECT_EQ(messages.size(), 5u);  // "Downloading dataset" + 4 steps, each once
  std::sort(messages.begin(), messages.end());
  EXPECT_EQ(std::unique(messages.begin(), messages.end()), messages.end());
  EXPECT_TRUE(fs::exists(run / "lora.safetensors"));
  EXPECT_EQ(server.job_count(), 1u);
}

TEST_F(RemoteBackend, JobFailedWith422_WaitCarriesTheFieldDetail) {
  FakeFalServer server;
  useServer(server);
  server.add_fault("status", {FakeFalServer::FaultKind::Status, 200,
                              R"({"status":"COMPLETED","request_id":"x","response_url":"u","logs":[],)"
                              R"("error":"Invalid status code: 422","error_type":"value_error"})"});
  server.add_fault("result", {FakeFalServer::FaultKind::Status, 422,
                              R"({"detail":[{"loc":["body","audio_data_url"],"msg":"Each audio file needs a caption","type":"value_error"}]})"});
  RemoteTrainingBackend backend(server.key());
  EventLog log;
  log.attach(backend);
  ASSERT_TRUE(backend.start(request()));
  const Status done = backend.wait();
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().kind, ErrorKind::InvalidInput);
  EXPECT_NE(done.error().message.find("audio_data_url: Each audio file needs a caption"), std::string::npos)
      << done.error().message;
  EXPECT_EQ(log.events().back()["event"], "failed");
  EXPECT_EQ(json::parse(test::read_text(run / "run.json"))["status"], "failed");
}

TEST_F(RemoteBackend, NoKey_RefusedAtOnceNamingWhereToSetIt) {
  FakeFalServer server;
  useServer(server);
  RemoteTrainingBackend backend("");
  const Status started = backend.start(request());
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().kind, ErrorKind::InvalidInput);
  EXPECT_NE(started.error().message.find("FAL_KEY"), std::string::npos) << started.error().message;
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(RemoteBackend, KeyFromEnvironment_UsedWhenSettingsHaveNone) {
  FakeFalServer server;
  useServer(server);
  ::setenv("FAL_KEY", server.key().c_str(), 1);
  RemoteTrainingBackend backend("");
  ASSERT_TRUE(backend.start(request()));
  const Status done = backend.wait();
  EXPECT_TRUE(done) << done.error().message;
}

TEST_F(RemoteBackend, InvalidJob_RefusedBeforeAnyRequest) {
  FakeFalServer server;
  useServer(server);
  RemoteTrainingBackend backend(server.key());
  TrainingStart bad = request();
  bad.job.rank = 0;
  const Status started = backend.start(bad);
  ASSERT_FALSE(started);
  EXPECT_NE(started.error().message.find("rank"), std::string::npos) << started.error().message;
  EXPECT_TRUE(server.requests().empty());
  EXPECT_FALSE(fs::exists(run / "run.json"));
}

TEST_F(RemoteBackend, ReattachWithoutRemoteRun_RefusedNamingTheFolder) {
  FakeFalServer server;
  useServer(server);
  fs::create_directories(run);
  RemoteTrainingBackend backend(server.key());
  const Status attached = backend.reattach(run);
  ASSERT_FALSE(attached);
  EXPECT_NE(attached.error().message.find(run.string()), std::string::npos) << attached.error().message;
}

}  // namespace
}  // namespace sa3::ui
