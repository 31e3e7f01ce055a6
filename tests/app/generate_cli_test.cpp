// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 models make-tiny` and `sa3 generate` end to end: a wav of the requested length, the same
// bytes for the same seed, progress lines that end before the summary, and usage errors with exit
// status 2.
#include <gtest/gtest.h>

#include "sa3/audio.h"
#include "test_support.h"

namespace {

sa3::test::CommandResult sa3_cli(const std::string& args) {
  return sa3::test::run_command(std::string(SA3_CLI) + " " + args + " 2>&1");
}

class GenerateCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto made = sa3_cli("models make-tiny " + dir.path().string() + " small-music");
    ASSERT_EQ(made.status, 0) << made.output;
  }
  std::string generate(const std::string& out, const std::string& extra = "") {
    return "generate --models " + dir.path().string() + " --model small-music --prompt 'soft rain' --seconds 2 " +
           "--seed 7 --device cpu -o " + (dir / out).string() + " " + extra;
  }
  sa3::test::TempDir dir;
};

TEST_F(GenerateCliTest, Generate_WritesAStereoWavOfTheRequestedLength) {
  const auto r = sa3_cli(generate("out.wav"));
  ASSERT_EQ(r.status, 0) << r.output;
  const auto info = sa3::read_audio_info(dir / "out.wav");
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->channels, 2);
  EXPECT_EQ(info->sample_rate, 44100);
  EXPECT_EQ(info->frames, 88200);
}

TEST_F(GenerateCliTest, StepProgress_EndsItsLineBeforeTheNextOutput) {
  const auto r = sa3_cli(generate("out.wav", "--steps 8"));
  ASSERT_EQ(r.status, 0) << r.output;
  const auto last_step = r.output.rfind("step 8/8");
  ASSERT_NE(last_step, std::string::npos) << r.output;
  EXPECT_EQ(r.output.substr(last_step, 9), "step 8/8\n") << r.output;
  EXPECT_NE(r.output.find("decoding\n"), std::string::npos) << r.output;
}

TEST_F(GenerateCliTest, SameSeedTwice_WritesIdenticalFiles) {
  ASSERT_EQ(sa3_cli(generate("a.wav")).status, 0);
  ASSERT_EQ(sa3_cli(generate("b.wav")).status, 0);
  EXPECT_EQ(sa3::test::read_text(dir / "a.wav"), sa3::test::read_text(dir / "b.wav"));
}

TEST_F(GenerateCliTest, MissingPromptOrBadNumber_IsAUsageError) {
  const auto no_prompt = sa3_cli("generate --models " + dir.path().string() + " -o " + (dir / "x.wav").string());
  EXPECT_EQ(no_prompt.status, 2) << no_prompt.output;
  EXPECT_NE(no_prompt.output.find("--prompt"), std::string::npos) << no_prompt.output;
  const auto bad = sa3_cli(generate("x.wav", "--steps many"));
  EXPECT_EQ(bad.status, 2) << bad.output;
  EXPECT_NE(bad.output.find("--steps"), std::string::npos) << bad.output;
}

TEST_F(GenerateCliTest, LoraFileThatIsNotALora_FailsNamingIt) {
  sa3::test::write_text(dir / "junk.safetensors", "not a safetensors file");
  const auto r = sa3_cli(generate("x.wav", "--lora " + (dir / "junk.safetensors").string()));
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("junk.safetensors"), std::string::npos) << r.output;
}

}  // namespace
