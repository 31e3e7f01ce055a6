// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 train` (local) end to end with the real executable, a tiny model from
// `sa3 models make-tiny` and a generated dataset: outputs and one step event per step, a zip
// dataset, Ctrl+C (exit 130, a checkpoint) then --resume equal to an uninterrupted run, and bad
// jobs refused naming the field (fal's 422 `detail` in --progress jsonl).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sa3/audio.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;

sa3::test::CommandResult sa3_cli(const std::string& args) {
  return sa3::test::run_command(std::string(SA3_CLI) + " " + args);
}

// stdout only; stderr goes to `stderr_file`.
sa3::test::CommandResult sa3_cli_stdout(const std::string& args, const fs::path& stderr_file) {
  return sa3::test::run_command("(" + std::string(SA3_CLI) + " " + args + " 2>" + stderr_file.string() + ")");
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(nlohmann::json::parse(line));
  return out;
}

std::vector<nlohmann::json> events_of(const std::vector<nlohmann::json>& events, const std::string& kind) {
  std::vector<nlohmann::json> out;
  for (const auto& e : events)
    if (e.value("event", "") == kind) out.push_back(e);
  return out;
}

std::vector<double> losses(const fs::path& run) {
  std::vector<double> out;
  for (const auto& e : events_of(json_lines(sa3::test::read_text(run / "progress.jsonl")), "step"))
    out.push_back(e["loss"].get<double>());
  return out;
}

void write_sine(const fs::path& dir, const std::string& name, double freq, double seconds, const std::string& caption) {
  sa3::AudioBuffer audio;
  audio.sample_rate = 44100;
  audio.channels = 2;
  for (int64_t i = 0; i < static_cast<int64_t>(seconds * 44100); ++i) {
    const float v = 0.5f * static_cast<float>(std::sin(2 * M_PI * freq * static_cast<double>(i) / 44100.0));
    audio.samples.push_back(v);
    audio.samples.push_back(v);
  }
  ASSERT_TRUE(sa3::write_audio(dir / (name + ".wav"), audio));
  sa3::test::write_text(dir / (name + ".txt"), caption);
}

class TrainCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto made = sa3_cli("models make-tiny " + (dir / "models").string() + " small-music-base");
    ASSERT_EQ(made.status, 0) << made.output;
    fs::create_directories(dir / "data");
    write_sine(dir / "data", "low", 220, 1.2, "a low sine");
    write_sine(dir / "data", "high", 880, 0.8, "a high sine");
  }

  fs::path job(const std::string& name, int steps, const std::string& extra = "") {
    const auto path = dir / (name + ".json");
    sa3::test::write_text(path, R"({"model": "small-music-base", "number_of_steps": )" + std::to_string(steps) +
                                    R"(, "rank": 2, "adapter_type": "lora", "learning_rate": 0.001, "seed": 3)" +
                                    extra + "}");
    return path;
  }

  std::string train(const fs::path& job_file, const std::string& dataset, const std::string& run) {
    return "train --job " + job_file.string() + " --dataset " + dataset + " --out " + (dir / run).string() +
           " --models " + (dir / "models").string() + " --device cpu --progress jsonl";
  }

  sa3::test::TempDir dir;
};

TEST_F(TrainCliTest, Train_WritesTheFalOutputsAndOneStepEventPerStep) {
  const auto r = sa3_cli_stdout(train(job("job", 3), (dir / "data").string(), "run"), dir / "err.txt");
  ASSERT_EQ(r.status, 0) << r.output << sa3::test::read_text(dir / "err.txt");
  const auto events = json_lines(r.output);
  const auto steps = events_of(events, "step");
  ASSERT_EQ(steps.size(), 3u);
  for (size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(steps[i]["step"], i + 1);
    for (const char* key : {"loss", "lr", "sec_per_step", "eta_s", "time"}) EXPECT_TRUE(steps[i].contains(key)) << key;
  }
  EXPECT_EQ(events.back()["event"], "finished");
  EXPECT_TRUE(fs::exists(dir / "run" / "lora.safetensors"));
  const auto config = nlohmann::json::parse(sa3::test::read_text(dir / "run" / "config.json"));
  EXPECT_EQ(config["adapter_type"], "lora");
  EXPECT_EQ(config["steps"], 3);
}

TEST_F(TrainCliTest, ZipDataset_Trains) {
  const auto packed = sa3_cli("dataset pack " + (dir / "data").string() + " --out " + (dir / "data.zip").string());
  ASSERT_EQ(packed.status, 0) << packed.output;
  const auto r = sa3_cli(train(job("job", 2), (dir / "data.zip").string(), "run"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(fs::exists(dir / "run" / "dataset" / "low.wav"));
  EXPECT_TRUE(fs::exists(dir / "run" / "lora.safetensors"));
}

// Starts `sa3 train`, sends SIGINT after the step event of `stop_after`, returns the exit status.
int train_until_interrupted(const std::string& args, int stop_after) {
  int out[2];
  if (::pipe(out) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execl("/bin/sh", "sh", "-c", (std::string("exec ") + SA3_CLI + " " + args + " 2>/dev/null").c_str(), nullptr);
    ::_exit(127);
  }
  ::close(out[1]);
  FILE* lines = ::fdopen(out[0], "r");
  char buffer[4096];
  bool sent = false;
  while (std::fgets(buffer, sizeof buffer, lines)) {
    const auto e = nlohmann::json::parse(buffer, nullptr, false);
    if (!sent && e.is_object() && e.value("event", "") == "step" && e.value("step", 0) >= stop_after) {
      ::kill(pid, SIGINT);
      sent = true;
    }
  }
  std::fclose(lines);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST_F(TrainCliTest, CtrlC_Exits130WithACheckpoint_ResumeEqualsUninterrupted) {
  const auto job_file = job("job", 6, R"(, "studio": {"checkpoint_every": 100})");
  const auto straight = sa3_cli(train(job_file, (dir / "data").string(), "straight"));
  ASSERT_EQ(straight.status, 0) << straight.output;

  EXPECT_EQ(train_until_interrupted(train(job_file, (dir / "data").string(), "run"), 2), 130);
  const auto run_json = nlohmann::json::parse(sa3::test::read_text(dir / "run" / "run.json"));
  EXPECT_EQ(run_json["status"], "stopped");
  const int64_t stopped_at = run_json["step"];
  EXPECT_GE(stopped_at, 2);
  EXPECT_LT(stopped_at, 6);
  char checkpoint[32];
  std::snprintf(checkpoint, sizeof checkpoint, "step-%06lld", static_cast<long long>(stopped_at));
  EXPECT_TRUE(fs::exists(dir / "run" / "checkpoints" / checkpoint / "state.safetensors"));
  EXPECT_FALSE(fs::exists(dir / "run" / "lora.safetensors"));

  const auto resumed = sa3_cli("train --resume " + (dir / "run").string() + " --models " + (dir / "models").string() +
                               " --device cpu");
  ASSERT_EQ(resumed.status, 0) << resumed.output;
  EXPECT_TRUE(fs::exists(dir / "run" / "lora.safetensors"));
  const auto expected = losses(dir / "straight");
  ASSERT_EQ(expected.size(), 6u);
  EXPECT_EQ(losses(dir / "run"), expected);
}

TEST_F(TrainCliTest, UnknownField_Exit2NamingIt_DetailListInJsonl) {
  const auto r = sa3_cli_stdout(train(job("job", 2, R"(, "rnak": 4)"), (dir / "data").string(), "run"), dir / "err.txt");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(sa3::test::read_text(dir / "err.txt").find("rnak"), std::string::npos) << sa3::test::read_text(dir / "err.txt");
  const auto body = nlohmann::json::parse(r.output);
  ASSERT_EQ(body["detail"].size(), 1u) << r.output;
  EXPECT_EQ(body["detail"][0]["loc"], nlohmann::json::array({"body", "rnak"}));
  EXPECT_EQ(body["detail"][0]["type"], "extra_forbidden");
  EXPECT_FALSE(fs::exists(dir / "run"));
}

TEST_F(TrainCliTest, RankOutOfRange_Exit2NamingIt) {
  const auto path = dir / "bad.json";
  sa3::test::write_text(path, R"({"model": "small-music-base", "rank": 999})");
  const auto r = sa3_cli("train --job " + path.string() + " --dataset " + (dir / "data").string() + " --out " +
                         (dir / "run").string() + " --models " + (dir / "models").string() + " --device cpu");
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("rank"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("999"), std::string::npos) << r.output;
}

}  // namespace
