// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 train --remote` and `sa3 remote ...` against the fake fal server (hosts from
// SA3_FAL_QUEUE_URL / SA3_FAL_REST_URL): exit statuses, outputs and what is printed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "fake_fal_server.h"
#include "fal_test_support.h"
#include "sa3/fal.h"
#include "test_support.h"

namespace sa3 {
namespace {

using nlohmann::json;
using test::FakeFalServer;
namespace fs = std::filesystem;

std::string env_for(const FakeFalServer& server) {
  return "env -u FAL_KEY_ID -u FAL_KEY_SECRET FAL_KEY=" + server.key() + " SA3_FAL_QUEUE_URL=" + server.queue_base() +
         " SA3_FAL_REST_URL=" + server.rest_base() + " SA3_FAL_POLL_INTERVAL_MS=5 SA3_FAL_RETRY_BASE_MS=1 ";
}

struct RemoteCli : ::testing::Test {
  test::TempDir dir;
  fs::path zip = dir / "dataset.zip";
  fs::path job = dir / "job.json";
  fs::path run = dir / "run";
  void SetUp() override {
    test::write_dataset_zip(zip, 4);
    test::write_text(job, R"({"model":"small-sfx-base","number_of_steps":100,"rank":4,"studio":{"demo_every":0}})");
  }
  test::CommandResult sa3(const FakeFalServer& server, const std::string& args) {
    return test::run_command(env_for(server) + SA3_CLI + " " + args + " 2>&1");
  }
};

TEST_F(RemoteCli, TrainRemoteJsonl_EveryLineAnEventAndOutputsDownloaded) {
  FakeFalServer server;
  const auto r = sa3(server, "train --remote --job " + job.string() + " --dataset " + zip.string() + " --out " +
                                 run.string() + " --progress jsonl");
  ASSERT_EQ(r.status, 0) << r.output;
  std::istringstream lines(r.output);
  std::string line, last;
  size_t steps = 0;
  while (std::getline(lines, line)) {
    const json e = json::parse(line, nullptr, false);
    ASSERT_TRUE(e.is_object()) << "not JSON: " << line;
    ASSERT_TRUE(e.contains("time"));
    steps += e["event"] == "step";
    last = e["event"];
  }
  EXPECT_EQ(steps, 3u);
  EXPECT_EQ(last, "finished");
  EXPECT_TRUE(fs::exists(run / "lora.safetensors"));
  EXPECT_TRUE(fs::exists(run / "config.json"));
  EXPECT_EQ(server.last_job_input()["model"], "small-sfx-base");
}

TEST_F(RemoteCli, HumanProgressThenStatusAndLogs_DescribeTheRun) {
  FakeFalServer server;
  const auto r = sa3(server, "train --remote --job " + job.string() + " --dataset " + zip.string() + " --out " + run.string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("costs $0.30"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("waiting in fal's queue (position 1)"), std::string::npos);
  EXPECT_NE(r.output.find("step 100/100 loss=0.0050"), std::string::npos);
  EXPECT_EQ(r.output.find(server.key()), std::string::npos);

  const auto status = sa3(server, "remote status " + run.string());
  EXPECT_EQ(status.status, 0) << status.output;
  EXPECT_NE(status.output.find(": COMPLETED"), std::string::npos) << status.output;
  EXPECT_NE(status.output.find("last step 100/100"), std::string::npos);
  EXPECT_NE(status.output.find("outputs: downloaded"), std::string::npos);

  const auto logs = sa3(server, "remote logs " + run.string());
  EXPECT_EQ(logs.status, 0);
  EXPECT_NE(logs.output.find("INFO Downloading dataset"), std::string::npos) << logs.output;
}

TEST_F(RemoteCli, CancelThenFetch_StoppedWithExit130) {
  FakeFalServer server({.queue_polls = 50});
  FalSettings s;
  s.key = server.key();
  s.queue_base = server.queue_base();
  s.rest_base = server.rest_base();
  JobControl control;
  TrainingJob j;
  ASSERT_TRUE(start_remote_training({j, zip, run}, s, control));
  const auto cancel = sa3(server, "remote cancel " + run.string());
  EXPECT_EQ(cancel.status, 0) << cancel.output;
  EXPECT_NE(cancel.output.find("cancellation requested"), std::string::npos);
  const auto fetch = sa3(server, "remote fetch " + run.string());
  EXPECT_EQ(fetch.status, 130) << fetch.output;
  EXPECT_NE(fetch.output.find("stopped: cancelled on fal: Request cancelled by the client."), std::string::npos) << fetch.output;
  EXPECT_NE(fetch.output.find("the job was cancelled on fal"), std::string::npos);
}

TEST_F(RemoteCli, BadJob_Exit2NamingTheFieldBeforeAnyRequest) {
  FakeFalServer server;
  test::write_text(job, R"({"rank":0,"adapter":"lora"})");
  const auto r = sa3(server, "train --remote --job " + job.string() + " --dataset " + zip.string() + " --out " + run.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("rank: must be between 1 and 256 (got 0)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("adapter: unknown field"), std::string::npos);
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(RemoteCli, JobFailsOnFal_Exit1WithDetail) {
  FakeFalServer server;
  test::write_text(job, R"({"audio_data_url":"https://example.invalid/x.zip","number_of_steps":10})");
  const auto r = sa3(server, "train --remote --job " + job.string() + " --out " + run.string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("audio_data_url: Could not download a zip archive"), std::string::npos) << r.output;
  EXPECT_EQ(json::parse(test::read_text(run / "run.json"))["status"], "failed");
}

TEST_F(RemoteCli, NoKeyOrNotARemoteRun_Exit2) {
  FakeFalServer server;
  const auto no_key = test::run_command(std::string("env -u FAL_KEY -u FAL_KEY_ID -u FAL_KEY_SECRET ") + SA3_CLI +
                                        " remote status " + run.string() + " 2>&1");
  EXPECT_EQ(no_key.status, 2);
  EXPECT_NE(no_key.output.find("FAL_KEY"), std::string::npos);
  fs::create_directories(run);
  const auto not_remote = sa3(server, "remote fetch " + run.string());
  EXPECT_EQ(not_remote.status, 2);
  EXPECT_NE(not_remote.output.find("not a remote run"), std::string::npos);
}

}  // namespace
}  // namespace sa3
