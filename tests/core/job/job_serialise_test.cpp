// SPDX-License-Identifier: GPL-3.0-or-later
// Writing jobs back: round trip with studio options, and the fal flavour without them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sa3/job.h"

namespace sa3 {
namespace {

TrainingJob full_job() {
  TrainingJob job;
  job.audio_data_url = "https://v3.fal.media/files/a/d.zip";
  job.model = "small-music-base";
  job.rank = 8;
  job.adapter_type = "lora";
  job.duration = 30;
  job.include = std::vector<std::string>{"self_attn"};
  job.lora_checkpoint_url = "https://x/l.safetensors";
  job.studio = StudioOptions{};
  job.studio->demo_prompts = {"warm pad"};
  job.studio->trigger_word = "zq";
  return job;
}

TEST(JobSerialise, WithStudio_RoundTripsExactly) {
  const TrainingJob job = full_job();
  const JobParse back = parse_job(job_to_json(job));
  ASSERT_TRUE(back.ok()) << describe_problems(back.problems);
  EXPECT_EQ(back.job, job);
}

TEST(JobSerialise, UnsetOptionals_WrittenAsNullInFiles) {
  TrainingJob job;
  job.audio_data_url = "d.zip";
  job.exclude = std::vector<std::string>{};
  const auto j = nlohmann::json::parse(job_to_json(job));
  EXPECT_TRUE(j.at("include").is_null());
  EXPECT_TRUE(j.at("exclude").is_null());
  EXPECT_TRUE(j.at("duration").is_null());
  EXPECT_TRUE(j.at("lora_checkpoint_url").is_null());
  EXPECT_FALSE(j.contains("studio"));
}

TEST(JobSerialise, ForFal_DropsStudioAndUnsetOptionals) {
  TrainingJob job = full_job();
  job.duration.reset();
  const auto j = nlohmann::ordered_json::parse(job_to_json(job, JobFlavour::ForFal));
  EXPECT_FALSE(j.contains("studio"));
  EXPECT_FALSE(j.contains("duration"));
  EXPECT_FALSE(j.contains("exclude"));
  EXPECT_EQ(j.at("include"), nlohmann::ordered_json({"self_attn"}));
  EXPECT_EQ(j.at("rank"), 8);
  EXPECT_EQ(j.at("model"), "small-music-base");
  EXPECT_EQ(j.begin().key(), "audio_data_url");
}

}  // namespace
}  // namespace sa3
