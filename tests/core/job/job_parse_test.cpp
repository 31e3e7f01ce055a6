// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing and validating job JSON: defaults, every field, and hostile inputs named by field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sa3/job.h"
#include "test_support.h"

namespace sa3 {
namespace {

bool has_problem(const JobParse& p, const std::string& field, const std::string& type) {
  for (const JobProblem& problem : p.problems)
    if (problem.field() == field && problem.type == type) return true;
  return false;
}

TEST(JobParse, OnlyDatasetUrl_FillsFalDefaults) {
  const JobParse p = parse_job(R"({"audio_data_url":"https://x/d.zip"})");
  ASSERT_TRUE(p.ok()) << describe_problems(p.problems);
  EXPECT_EQ(p.job.model, "medium-base");
  EXPECT_EQ(p.job.number_of_steps, 1000);
  EXPECT_DOUBLE_EQ(p.job.learning_rate, 1e-4);
  EXPECT_EQ(p.job.rank, 16);
  EXPECT_EQ(p.job.adapter_type, "dora-rows");
  EXPECT_FALSE(p.job.duration);
  EXPECT_EQ(p.job.batch_size, 1);
  EXPECT_EQ(p.job.seed, 42);
  EXPECT_EQ(p.job.base_precision, "bf16");
  EXPECT_FALSE(p.job.include);
  EXPECT_FALSE(p.job.exclude);
  EXPECT_FALSE(p.job.lora_checkpoint_url);
  EXPECT_FALSE(p.job.pre_encode);
  EXPECT_FALSE(p.job.studio);
}

TEST(JobParse, EveryFieldSet_ReadsEachValue) {
  const JobParse p = parse_job(R"({"audio_data_url":"d.zip","model":"small-sfx-base","number_of_steps":20000,
    "learning_rate":0.0003,"rank":4,"adapter_type":"bora-xs","duration":12.5,"batch_size":2,"seed":7,
    "base_precision":"float16","include":["layers.[0-3]."],"exclude":["to_out"],
    "lora_checkpoint_url":"https://x/l.safetensors","pre_encode":true,
    "studio":{"checkpoint_every":100,"keep_checkpoints":2,"demo_every":0,"demo_prompts":["a kick"],
              "demo_seeds":[1,2],"demo_seconds":4,"trigger_word":"zx"}})");
  ASSERT_TRUE(p.ok()) << describe_problems(p.problems);
  EXPECT_EQ(p.job.model, "small-sfx-base");
  EXPECT_EQ(p.job.number_of_steps, 20000);
  EXPECT_EQ(p.job.rank, 4);
  EXPECT_EQ(p.job.adapter_type, "bora-xs");
  EXPECT_DOUBLE_EQ(*p.job.duration, 12.5);
  EXPECT_EQ(p.job.batch_size, 2);
  EXPECT_EQ(p.job.seed, 7);
  EXPECT_EQ(p.job.base_precision, "float16");
  EXPECT_EQ(*p.job.include, std::vector<std::string>{"layers.[0-3]."});
  EXPECT_EQ(*p.job.exclude, std::vector<std::string>{"to_out"});
  EXPECT_EQ(*p.job.lora_checkpoint_url, "https://x/l.safetensors");
  EXPECT_TRUE(p.job.pre_encode);
  ASSERT_TRUE(p.job.studio);
  EXPECT_EQ(p.job.studio->checkpoint_every, 100);
  EXPECT_EQ(p.job.studio->keep_checkpoints, 2);
  EXPECT_EQ(p.job.studio->demo_every, 0);
  EXPECT_EQ(p.job.studio->demo_prompts, std::vector<std::string>{"a kick"});
  EXPECT_EQ(p.job.studio->demo_seeds, (std::vector<std::int64_t>{1, 2}));
  EXPECT_DOUBLE_EQ(p.job.studio->demo_seconds, 4);
  EXPECT_EQ(p.job.studio->trigger_word, "zx");
}

TEST(JobParse, NullAndEmptyFilters_MeanNoFilter) {
  const JobParse a = parse_job(R"({"audio_data_url":"d","include":null,"exclude":[]})");
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a.job.include);
  EXPECT_FALSE(a.job.exclude);
}

TEST(JobParse, UnknownKeys_NamedAtTopAndInStudio) {
  const JobParse p = parse_job(R"({"audio_data_url":"d","ranks":4,"studio":{"every":3}})");
  EXPECT_TRUE(has_problem(p, "ranks", "extra_forbidden"));
  EXPECT_TRUE(has_problem(p, "studio.every", "extra_forbidden"));
  EXPECT_EQ(p.problems.size(), 2u);
}

TEST(JobParse, OutOfRangeValues_EachFieldNamed) {
  const JobParse p = parse_job(R"({"audio_data_url":"d","number_of_steps":0,"rank":257,"learning_rate":0,
    "batch_size":0,"duration":-1,"model":"large","adapter_type":"loha","base_precision":"fp8"})");
  for (const char* field : {"number_of_steps", "rank", "learning_rate", "batch_size", "duration"})
    EXPECT_TRUE(has_problem(p, field, "value_error")) << field;
  for (const char* field : {"model", "adapter_type", "base_precision"}) EXPECT_TRUE(has_problem(p, field, "enum")) << field;
  EXPECT_EQ(p.problems.size(), 8u) << describe_problems(p.problems);
}

TEST(JobParse, XsAdapterWithRankAbove17_RankRejected) {
  EXPECT_TRUE(has_problem(parse_job(R"({"audio_data_url":"d","adapter_type":"lora-xs","rank":18})"), "rank", "value_error"));
  EXPECT_TRUE(parse_job(R"({"audio_data_url":"d","adapter_type":"lora-xs","rank":17})").ok());
  EXPECT_TRUE(parse_job(R"({"audio_data_url":"d","adapter_type":"lora","rank":256})").ok());
}

TEST(JobParse, WrongTypes_ReportedOnceAsTypeErrors) {
  const JobParse p = parse_job(R"({"audio_data_url":5,"rank":"16","pre_encode":1,"include":"to_q",
    "seed":1.5,"studio":{"demo_seeds":[1,"x"]}})");
  for (const char* field : {"audio_data_url", "rank", "pre_encode", "include", "seed", "studio.demo_seeds.1"})
    EXPECT_TRUE(has_problem(p, field, "type_error")) << field << "\n" << describe_problems(p.problems);
  EXPECT_EQ(p.problems.size(), 6u) << describe_problems(p.problems);
}

TEST(JobParse, IntegralFloatForInteger_Accepted) {
  const JobParse p = parse_job(R"({"audio_data_url":"d","rank":8.0})");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.job.rank, 8);
}

TEST(JobParse, MissingDataset_RequiredUnlessCallerSuppliesIt) {
  EXPECT_TRUE(has_problem(parse_job("{}"), "audio_data_url", "missing"));
  EXPECT_TRUE(parse_job("{}", {.require_audio_data_url = false}).ok());
}

TEST(JobParse, BadPattern_NamesListIndex) {
  const JobParse p = parse_job(R"({"audio_data_url":"d","exclude":["ok","layers.[1-x]"]})");
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0].field(), "exclude.1");
}

TEST(JobParse, NotJsonOrNotObject_ReportedOnBody) {
  EXPECT_TRUE(has_problem(parse_job("{\"rank\":"), "body", "json_invalid"));
  EXPECT_TRUE(has_problem(parse_job("[1]"), "body", "type_error"));
}

TEST(JobParse, BadStudioValues_Named) {
  const JobParse p = parse_job(R"({"audio_data_url":"d","studio":{"checkpoint_every":0,"keep_checkpoints":0,
    "demo_every":-1,"demo_seconds":0,"demo_prompts":[" "]}})");
  for (const char* f : {"studio.checkpoint_every", "studio.keep_checkpoints", "studio.demo_every",
                        "studio.demo_seconds", "studio.demo_prompts.0"})
    EXPECT_TRUE(has_problem(p, f, "value_error")) << f;
}

TEST(JobProblems, DetailJson_HasFal422Shape) {
  const JobParse p = parse_job(R"({"audio_data_url":"d","rank":0,"include":["[9"]})");
  const auto detail = nlohmann::json::parse(problems_to_detail_json(p.problems));
  ASSERT_EQ(detail["detail"].size(), 2u);
  EXPECT_EQ(detail["detail"][0]["loc"], nlohmann::json({"body", "rank"}));
  EXPECT_EQ(detail["detail"][0]["type"], "value_error");
  EXPECT_NE(detail["detail"][0]["msg"].get<std::string>().find("got 0"), std::string::npos);
  EXPECT_EQ(detail["detail"][1]["loc"], nlohmann::json({"body", "include", 0}));
}

TEST(JobFile, InvalidFile_MessageNamesPathAndField) {
  test::TempDir dir;
  test::write_text(dir / "job.json", R"({"audio_data_url":"d","rank":-3})");
  const auto r = load_job_file(dir / "job.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::InvalidInput);
  EXPECT_NE(r.error().message.find((dir / "job.json").string()), std::string::npos);
  EXPECT_NE(r.error().message.find("rank:"), std::string::npos);
  EXPECT_FALSE(load_job_file(dir / "missing.json"));
}

TEST(JobModels, InferenceModel_DropsBaseSuffix) {
  EXPECT_EQ(inference_model_for("small-music-base"), "small-music");
  EXPECT_EQ(inference_model_for("medium"), "");
}

}  // namespace
}  // namespace sa3
