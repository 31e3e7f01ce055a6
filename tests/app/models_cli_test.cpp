// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 models list|download|verify|path` through the real executable against the fake hub.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fake_hub.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using sa3::test::FakeHub;
using sa3::test::TempDir;

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

class ModelsCli : public ::testing::Test {
 protected:
  ModelsCli() : hub("stabilityai/stable-audio-3-small-sfx-base", sa3::test::tiny_model_repo()) {}

  sa3::test::CommandResult sa3_cli(const std::string& args, const std::string& token = "") {
    return sa3::test::run_command("env -u HF_TOKEN SA3_HF_ENDPOINT=" + hub.endpoint() +
                                  (token.empty() ? "" : " HF_TOKEN=" + token) + " " + SA3_CLI + " models " + args +
                                  " --models " + quoted(dir.path()) + " 2>&1");
  }

  TempDir dir;
  FakeHub hub;
};

TEST_F(ModelsCli, ListEmptyFolder_EveryIdMissingWithItsJob) {
  const auto r = sa3_cli("list");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find(dir.path().string()), std::string::npos) << r.output;
  for (const char* id : {"small-music", "small-sfx", "medium", "small-music-base", "small-sfx-base", "medium-base"})
    EXPECT_NE(r.output.find(std::string(id) + " "), std::string::npos) << id;
  EXPECT_NE(r.output.find("training LoRAs (auditioned on medium)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("missing"), std::string::npos);
}

TEST_F(ModelsCli, DownloadThenList_PresentWithSize) {
  const auto r = sa3_cli("download small-sfx-base");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("small-sfx-base: present"), std::string::npos) << r.output;
  EXPECT_EQ(sa3::test::read_text(dir / "small-sfx-base" / "model.safetensors"),
            sa3::test::tiny_model_repo()[3].content);

  const auto listed = sa3_cli("list --json");
  ASSERT_EQ(listed.status, 0) << listed.output;
  const auto json = nlohmann::json::parse(listed.output);
  ASSERT_EQ(json.size(), 6u);
  for (const auto& m : json) {
    if (m["id"] != "small-sfx-base") {
      EXPECT_EQ(m["state"], "missing");
      continue;
    }
    EXPECT_EQ(m["state"], "present");
    EXPECT_EQ(m["purpose"], "training");
    EXPECT_TRUE(m["has_download_record"].get<bool>());
    EXPECT_GT(m["size_bytes"].get<std::uint64_t>(), 256u * 1024);
  }
}

TEST_F(ModelsCli, DownloadGatedWithoutToken_ExitsTwoExplaining) {
  hub.require_token("hf_cli");
  const auto r = sa3_cli("download small-sfx-base");
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("accept the license"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("HF_TOKEN"), std::string::npos) << r.output;
}

TEST_F(ModelsCli, DownloadWithHfToken_TokenOnlyToHub) {
  hub.require_token("hf_cli");
  const auto r = sa3_cli("download small-sfx-base", "hf_cli");
  ASSERT_EQ(r.status, 0) << r.output;
  ASSERT_FALSE(hub.cdn_requests().empty());
  for (const auto& q : hub.cdn_requests()) EXPECT_EQ(q.authorization, "") << q.path;
  EXPECT_EQ(r.output.find("hf_cli"), std::string::npos) << "token printed: " << r.output;
}

TEST_F(ModelsCli, VerifyAfterByteFlip_ExitsOneNamingTheFile) {
  ASSERT_EQ(sa3_cli("download small-sfx-base").status, 0);
  EXPECT_EQ(sa3_cli("verify").status, 0);
  const fs::path tokenizer = dir / "small-sfx-base" / "t5gemma-b-b-ul2" / "tokenizer.model";
  std::string bytes = sa3::test::read_text(tokenizer);
  bytes[7] ^= 1;
  sa3::test::write_text(tokenizer, bytes);
  const auto r = sa3_cli("verify small-sfx-base");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("corrupt"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("tokenizer.model: sha256"), std::string::npos) << r.output;
}

TEST_F(ModelsCli, Path_PrintsFolderOrModelFolder) {
  auto r = sa3_cli("path");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.output, dir.path().string() + "\n");
  r = sa3_cli("path medium");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.output, (dir / "medium").string() + "\n");
}

TEST_F(ModelsCli, UnknownIdOrSubcommand_ExitsTwo) {
  auto r = sa3_cli("download large");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("unknown model id 'large'"), std::string::npos) << r.output;
  r = sa3_cli("fetch");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.output.find("unknown subcommand 'fetch'"), std::string::npos) << r.output;
}

}  // namespace
