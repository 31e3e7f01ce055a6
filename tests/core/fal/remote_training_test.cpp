// SPDX-License-Identifier: GPL-3.0-or-later
// Remote training against the fake fal server: a whole run, reattach, cancel, multipart
// upload, every injected fault, and the key never leaving fal's API host.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "fake_fal_server.h"
#include "fal_test_support.h"
#include "job/run_folder.h"
#include "sa3/fal.h"
#include "test_support.h"

namespace sa3 {
namespace {

using nlohmann::json;
using test::FakeFalServer;
namespace fs = std::filesystem;

FalSettings settings_for(const FakeFalServer& server) {
  FalSettings s;
  s.key = server.key();
  s.queue_base = server.queue_base();
  s.rest_base = server.rest_base();
  s.poll_interval = std::chrono::milliseconds(5);
  s.retry_base_delay = std::chrono::milliseconds(1);
  s.request_timeout_s = 5;
  return s;
}

std::vector<std::string> event_kinds(const fs::path& run) {
  std::vector<std::string> kinds;
  for (const json& e : read_progress_events(run)) kinds.push_back(e.value("event", ""));
  return kinds;
}

size_t count(const std::vector<std::string>& v, const std::string& x) { return std::count(v.begin(), v.end(), x); }

struct Fixture : ::testing::Test {
  test::TempDir dir;
  fs::path zip = dir / "dataset.zip";
  fs::path run = dir / "run";
  JobControl control;
  void SetUp() override { test::write_dataset_zip(zip, 5); }

  Status start(const FalSettings& s, TrainingJob job = test::small_fal_job()) {
    return start_remote_training({job, zip, run}, s, control);
  }
  void expect_key_only_on_api(const FakeFalServer& server) {
    for (const auto& r : server.requests()) {
      if (r.host == "cdn") {
        EXPECT_EQ(r.headers.count("authorization"), 0u) << r.method << " " << r.path;
        for (const auto& [name, value] : r.headers) EXPECT_EQ(value.find(server.key()), std::string::npos) << name;
      } else {
        ASSERT_EQ(r.headers.count("authorization"), 1u) << r.method << " " << r.path;
        EXPECT_EQ(r.headers.at("authorization"), "Key " + server.key());
      }
    }
  }
};

TEST_F(Fixture, FullRun_UploadsSubmitsFollowsAndDownloadsOutputs) {
  FakeFalServer server;
  const FalSettings s = settings_for(server);
  std::vector<std::string> lines;
  ASSERT_TRUE(start_remote_training({test::small_fal_job(), zip, run}, s, control, [&](const std::string& l) { lines.push_back(l); }));
  const json input = server.last_job_input();
  EXPECT_FALSE(input.contains("studio"));
  EXPECT_EQ(input["rank"], 8);
  EXPECT_EQ(server.stored_file(input["audio_data_url"]), test::read_text(zip));

  const Status followed = follow_remote_training(run, s, control, [&](const std::string& l) { lines.push_back(l); });
  ASSERT_TRUE(followed) << followed.error().message;
  EXPECT_EQ(test::read_text(run / "lora.safetensors").rfind("SAFETENSORS-FAKE-LORA-", 0), 0u);
  EXPECT_EQ(json::parse(test::read_text(run / "config.json"))["rank"], 8);
  const json run_json = read_run_json(run);
  EXPECT_EQ(run_json["status"], "finished");
  EXPECT_EQ(run_json["kind"], "remote");
  EXPECT_DOUBLE_EQ(run_json["final_loss"].get<double>(), 0.0025);  // "step 200/200 loss=0.0025"
  const json remote = json::parse(test::read_text(run / "remote.json"));
  EXPECT_EQ(remote["request_id"], "req-" + remote["request_id"].get<std::string>().substr(4));
  EXPECT_EQ(json::parse(test::read_text(run / "job.json"))["studio"]["checkpoint_every"], 250);

  const auto kinds = event_kinds(run);
  EXPECT_EQ(kinds.front(), "log");
  EXPECT_EQ(count(kinds, "start"), 1u);
  EXPECT_EQ(count(kinds, "queue"), 2u);
  EXPECT_EQ(count(kinds, "step"), 3u);
  EXPECT_EQ(kinds.back(), "finished");
  EXPECT_EQ(lines.size(), kinds.size());
  const auto events = read_progress_events(run);
  const auto step = std::find_if(events.begin(), events.end(), [](const json& e) { return e["event"] == "step"; });
  EXPECT_EQ((*step)["step"], 0);
  EXPECT_EQ((*step)["total_steps"], 200);
  EXPECT_TRUE(step->contains("time"));
  for (const auto& r : server.requests()) {
    if (r.method == "POST" && r.path == "/fal-ai/stable-audio-3-trainer") EXPECT_EQ(r.headers.at("x-fal-queue-priority"), "normal");
    if (r.path.ends_with("/status")) EXPECT_EQ(r.query, "logs=1");
  }
  expect_key_only_on_api(server);
}

TEST_F(Fixture, Reattach_SecondFollowerContinuesWithoutRepeatingLogs) {
  FakeFalServer server({.queue_polls = 1, .progress_polls = 4});
  const FalSettings s = settings_for(server);
  ASSERT_TRUE(start(s));
  {
    // The first process stops following while training runs (a quit, a crash).
    JobControl first;
    int logs = 0;
    const Status st = follow_remote_training(run, s, first, [&](const std::string& line) {
      if (json::parse(line)["event"] == "step" && ++logs == 2) first.cancel();
    });
    ASSERT_FALSE(st);
    EXPECT_TRUE(st.error().cancelled());
    EXPECT_EQ(server.last_job_status(), "IN_PROGRESS");
  }
  const Status second = follow_remote_training(run, s, control);
  ASSERT_TRUE(second) << second.error().message;
  const auto events = read_progress_events(run);
  std::vector<std::string> messages;
  for (const json& e : events)
    if (e["event"] == "log" && e.contains("fal_index")) messages.push_back(e["message"]);
  std::vector<std::string> unique = messages;
  std::sort(unique.begin(), unique.end());
  EXPECT_EQ(std::unique(unique.begin(), unique.end()), unique.end()) << "a fal log line was reported twice";
  EXPECT_EQ(messages.size(), 5u);  // "Downloading dataset" + 4 steps
  EXPECT_TRUE(fs::exists(run / "lora.safetensors"));
}

TEST_F(Fixture, Cancel_WhileQueued_RunEndsStopped) {
  FakeFalServer server({.queue_polls = 5});
  const FalSettings s = settings_for(server);
  ASSERT_TRUE(start(s));
  const auto state = poll_remote_training(run, s);
  ASSERT_TRUE(state);
  EXPECT_EQ(state->status, "IN_QUEUE");
  EXPECT_EQ(state->queue_position, 4);
  const auto cancelled = cancel_remote_training(run, s);
  ASSERT_TRUE(cancelled) << cancelled.error().message;
  EXPECT_TRUE(*cancelled);
  const Status followed = follow_remote_training(run, s, control);
  ASSERT_FALSE(followed);
  EXPECT_TRUE(followed.error().cancelled());
  EXPECT_EQ(read_run_json(run)["status"], "stopped");
  EXPECT_EQ(event_kinds(run).back(), "stopped");
  EXPECT_FALSE(fs::exists(run / "lora.safetensors"));
  const auto again = cancel_remote_training(run, s);
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);  // ALREADY_COMPLETED
}

TEST_F(Fixture, LargeZip_UploadedInPartsAndReassembled) {
  test::write_dataset_zip(zip, 4, 300 * 1024);
  FakeFalServer server;
  FalSettings s = settings_for(server);
  s.multipart_threshold = 100 * 1024;
  s.part_size = 64 * 1024;
  std::vector<double> progress;
  control.on_progress = [&](double done, double total, const std::string&) { progress.push_back(done / total); };
  ASSERT_TRUE(start(s));
  const auto bytes = fs::file_size(zip);
  const auto parts = server.multipart_part_sizes();
  ASSERT_EQ(parts.size(), (bytes + s.part_size - 1) / s.part_size);
  EXPECT_EQ(parts.front(), 64 * 1024);
  EXPECT_EQ(server.stored_file(server.last_job_input()["audio_data_url"]), test::read_text(zip));
  ASSERT_FALSE(progress.empty());
  EXPECT_DOUBLE_EQ(progress.back(), 1.0);
  expect_key_only_on_api(server);
}

TEST_F(Fixture, FolderDataset_PackedIntoRunFolderAndUploaded) {
  const fs::path folder = dir / "clips";
  fs::create_directories(folder);
  for (int i = 0; i < 4; ++i) {
    write_file_atomic(folder / ("c" + std::to_string(i) + ".wav"), test::wav_bytes(1.5));
    test::write_text(folder / ("c" + std::to_string(i) + ".txt"), "soft rain " + std::to_string(i));
  }
  FakeFalServer server;
  const Status st = start_remote_training({test::small_fal_job(), folder, run}, settings_for(server), control);
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_TRUE(fs::exists(run / "dataset.zip"));
  EXPECT_EQ(server.stored_file(server.last_job_input()["audio_data_url"]), test::read_text(run / "dataset.zip"));
}

TEST_F(Fixture, FaultsOnStatus_BurstsRateLimitsDropsSlowAndGarbage_RunStillFinishes) {
  FakeFalServer server;
  FalSettings s = settings_for(server);
  s.request_timeout_s = 1;
  using F = FakeFalServer::Fault;
  using K = FakeFalServer::FaultKind;
  for (int i = 0; i < 3; ++i) server.add_fault("status", F{K::Status, 503});
  server.add_fault("status", F{K::Status, 429, R"({"detail":"Too many requests"})", {{"Retry-After", "0"}}});
  server.add_fault("status", F{K::Drop});
  server.add_fault("status", F{K::Slow, 0, "", {}, 1500});
  server.add_fault("status", F{K::MalformedJson});
  server.add_fault("result", F{K::Status, 502});
  server.add_fault("download", F{K::Status, 503});
  server.add_fault("upload", F{K::Status, 503});
  server.add_fault("initiate", F{K::Status, 500});
  ASSERT_TRUE(start(s));
  const Status st = follow_remote_training(run, s, control);
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_EQ(read_run_json(run)["status"], "finished");
  EXPECT_EQ(test::read_text(run / "lora.safetensors").rfind("SAFETENSORS", 0), 0u);
  EXPECT_EQ(server.job_count(), 1u);
}

TEST_F(Fixture, UnknownStatusAndNullLogs_WarnedAndToleratedUntilCompleted) {
  FakeFalServer server;
  const FalSettings s = settings_for(server);
  ASSERT_TRUE(start(s));
  server.add_fault("status", {FakeFalServer::FaultKind::Status, 202, R"({"status":"FAILED","request_id":"x","response_url":"u"})"});
  server.add_fault("status", {FakeFalServer::FaultKind::Status, 202, R"({"status":"IN_PROGRESS","request_id":"x","response_url":"u","logs":null})"});
  const Status st = follow_remote_training(run, s, control);
  ASSERT_TRUE(st) << st.error().message;
  bool warned = false;
  for (const json& e : read_progress_events(run))
    warned |= e["event"] == "log" && e["message"].get<std::string>().find("unknown status 'FAILED'") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST_F(Fixture, SubmitGatewayErrorWithoutRequestId_RetriedOnce_NoDuplicateJob) {
  FakeFalServer server;
  server.add_fault("submit", {FakeFalServer::FaultKind::Status, 503});
  ASSERT_TRUE(start(settings_for(server)));
  EXPECT_EQ(server.job_count(), 1u);
  size_t submits = 0;
  for (const auto& r : server.requests()) submits += r.method == "POST" && r.path == "/fal-ai/stable-audio-3-trainer";
  EXPECT_EQ(submits, 2u);
}

TEST_F(Fixture, SubmitAnswerLost_NotRepeatedAndUserWarned) {
  FakeFalServer server;
  server.add_fault("submit", {FakeFalServer::FaultKind::Drop});
  const Status st = start(settings_for(server));
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().kind, ErrorKind::Environment);
  EXPECT_NE(st.error().message.find("may have been queued"), std::string::npos);
  EXPECT_EQ(server.job_count(), 1u);
  EXPECT_EQ(read_run_json(run)["status"], "failed");
}

TEST_F(Fixture, SubmitAppErrorWithRequestId_NotRetried) {
  FakeFalServer server;
  server.add_fault("submit", {FakeFalServer::FaultKind::Status, 503,
                              R"({"detail":"Runner disconnected","error_type":"runner_disconnected"})",
                              {{"x-fal-request-id", "r9"}, {"X-Fal-Error-Type", "runner_disconnected"}}});
  const Status st = start(settings_for(server));
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("Runner disconnected [runner_disconnected]"), std::string::npos) << st.error().message;
  EXPECT_EQ(server.job_count(), 0u);
}

TEST_F(Fixture, UserStartTimeout_NeverRetried) {
  FakeFalServer server;
  server.add_fault("submit", {FakeFalServer::FaultKind::Status, 504, R"({"detail":"Request timed out","error_type":"request_timeout"})",
                              {{"X-Fal-Request-Timeout-Type", "user"}}});
  const Status st = start(settings_for(server));
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("HTTP 504: Request timed out [request_timeout]"), std::string::npos) << st.error().message;
  size_t submits = 0;
  for (const auto& r : server.requests()) submits += r.method == "POST" && r.path == "/fal-ai/stable-audio-3-trainer";
  EXPECT_EQ(submits, 1u);
}

TEST_F(Fixture, CancelDuringUpload_StoppedAndNothingSubmitted) {
  test::write_dataset_zip(zip, 4, 2 * 1024 * 1024);
  FakeFalServer server;
  // The user presses Stop as soon as the upload reports progress.
  control.on_progress = [&](double, double, const std::string&) { control.cancel(); };
  const Status st = start(settings_for(server));
  ASSERT_FALSE(st);
  EXPECT_TRUE(st.error().cancelled()) << st.error().message;
  EXPECT_EQ(server.job_count(), 0u);
  EXPECT_EQ(read_run_json(run)["status"], "stopped");
  EXPECT_FALSE(fs::exists(run / "remote.json"));
}

TEST_F(Fixture, JobRejectedByFal_FailureListsFieldsAndRunFailed) {
  FakeFalServer server;
  const FalSettings s = settings_for(server);
  ASSERT_TRUE(start(s));
  // Break the job behind the client's back, as if fal's schema were stricter than ours.
  server.add_fault("result", {FakeFalServer::FaultKind::Status, 422,
                              R"({"detail":[{"loc":["body","audio_data_url"],"msg":"Each audio file needs a caption","type":"value_error"}]})"});
  server.add_fault("status", {FakeFalServer::FaultKind::Status, 200,
                              R"({"status":"COMPLETED","request_id":"x","response_url":"u","logs":[],"error":"Invalid status code: 422","error_type":"value_error"})"});
  const Status st = follow_remote_training(run, s, control);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().kind, ErrorKind::InvalidInput);
  EXPECT_NE(st.error().message.find("audio_data_url: Each audio file needs a caption"), std::string::npos) << st.error().message;
  EXPECT_EQ(read_run_json(run)["status"], "failed");
  EXPECT_EQ(event_kinds(run).back(), "failed");
}

TEST_F(Fixture, InvalidInputAtRunner_FailedWith422DetailPerField) {
  FakeFalServer server;
  const FalSettings s = settings_for(server);
  TrainingJob job = test::small_fal_job();
  job.audio_data_url = "https://example.invalid/elsewhere.zip";  // the fake can't download it
  ASSERT_TRUE(start_remote_training({job, {}, run}, s, control));
  const Status st = follow_remote_training(run, s, control);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("HTTP 422"), std::string::npos);
  EXPECT_NE(st.error().message.find("audio_data_url: Could not download"), std::string::npos) << st.error().message;
}

TEST_F(Fixture, ResultExpired_FailureSaysSo) {
  FakeFalServer server({.expire_results = true});
  const FalSettings s = settings_for(server);
  ASSERT_TRUE(start(s));
  const Status st = follow_remote_training(run, s, control);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("no longer on fal"), std::string::npos) << st.error().message;
}

TEST_F(Fixture, WrongKey_RejectedNamingTheKeySetting) {
  FakeFalServer server;
  FalSettings s = settings_for(server);
  s.key = "wrong:key";
  const Status st = start(s);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().kind, ErrorKind::InvalidInput);
  EXPECT_NE(st.error().message.find("HTTP 401"), std::string::npos);
  EXPECT_NE(st.error().message.find("FAL_KEY"), std::string::npos);
  EXPECT_EQ(st.error().message.find("wrong:key"), std::string::npos);
}

TEST_F(Fixture, BadDataset_RefusedBeforeAnyUpload) {
  test::write_zip(zip, {{"a.wav", test::wav_bytes(0.2)}, {"a.txt", ""}, {"b.wav", test::wav_bytes(0.2)}});
  FakeFalServer server;
  const Status st = start(settings_for(server));
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().kind, ErrorKind::InvalidInput);
  EXPECT_NE(st.error().message.find("a.txt: caption is empty"), std::string::npos) << st.error().message;
  EXPECT_NE(st.error().message.find("b.wav: no caption"), std::string::npos);
  EXPECT_NE(st.error().message.find("2 clips"), std::string::npos);
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(Fixture, ExistingRunFolder_NotOverwritten) {
  FakeFalServer server;
  ASSERT_TRUE(start(settings_for(server)));
  const std::string before = test::read_text(run / "remote.json");
  EXPECT_FALSE(start(settings_for(server)));
  EXPECT_EQ(test::read_text(run / "remote.json"), before);
}

TEST(FalSettings, KeyFromIdAndSecret_JoinedWithColon) {
  ::setenv("FAL_KEY", "", 1);
  ::setenv("FAL_KEY_ID", "id1", 1);
  ::setenv("FAL_KEY_SECRET", "sec2", 1);
  ::setenv("SA3_FAL_QUEUE_URL", "http://127.0.0.1:9/", 1);
  const auto s = fal_settings_from_environment();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->key, "id1:sec2");
  EXPECT_EQ(s->queue_base, "http://127.0.0.1:9");
  EXPECT_EQ(s->rest_base, "https://rest.fal.ai");
  EXPECT_EQ(fal_settings_from_environment("explicit")->key, "explicit");
  ::unsetenv("FAL_KEY_ID");
  EXPECT_FALSE(fal_settings_from_environment());
  ::unsetenv("SA3_FAL_QUEUE_URL");
}

TEST(FalCost, ThreeDollarsPerThousandSteps) {
  TrainingJob job;
  job.number_of_steps = 2500;
  EXPECT_DOUBLE_EQ(fal_cost_usd(job), 7.5);
}

}  // namespace
}  // namespace sa3
