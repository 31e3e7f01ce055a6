// SPDX-License-Identifier: GPL-3.0-or-later
// The hub's file list and URLs.
#include "hub/hub_listing.h"

#include <gtest/gtest.h>

#include "sa3/error.h"

namespace {

using sa3::RemoteFile;

std::vector<RemoteFile> required_plus(std::vector<RemoteFile> extra) {
  std::vector<RemoteFile> files = {{"model.safetensors", 9, "s", "g"},
                                   {"model_config.json", 1, "", "g"},
                                   {"t5gemma-b-b-ul2/config.json", 1, "", "g"},
                                   {"t5gemma-b-b-ul2/model.safetensors", 1, "s", "g"},
                                   {"t5gemma-b-b-ul2/tokenizer.model", 1, "s", "g"}};
  files.insert(files.end(), extra.begin(), extra.end());
  return files;
}

TEST(HubListing, TreeAnswer_LfsOidIsSha256AndDirectoriesSkipped) {
  const auto files = sa3::parse_tree_listing(R"([
    {"type":"directory","oid":"d","size":0,"path":"t5gemma-b-b-ul2"},
    {"type":"file","oid":"abc1","size":12,"path":"model_config.json"},
    {"type":"file","oid":"abc2","size":135,"path":"model.safetensors",
     "lfs":{"oid":"f00d","size":9222116660,"pointerSize":135}}])",
                                             "u");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, "model_config.json");
  EXPECT_EQ(files[0].git_oid, "abc1");
  EXPECT_TRUE(files[0].sha256.empty());
  EXPECT_EQ(files[1].sha256, "f00d");
  EXPECT_EQ(files[1].size, 9222116660u);
}

TEST(HubListing, PathEscapingTheFolder_Rejected) {
  try {
    sa3::parse_tree_listing(R"([{"type":"file","oid":"a","size":1,"path":"../evil"}])", "http://hub/x");
    FAIL() << "accepted ../evil";
  } catch (const sa3::Error& e) {
    EXPECT_NE(std::string(e.what()).find("../evil"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("http://hub/x"), std::string::npos);
  }
}

TEST(HubListing, NotAnArray_ErrorNamesUrl) {
  EXPECT_THROW(sa3::parse_tree_listing(R"({"error":"x"})", "u"), sa3::Error);
  EXPECT_THROW(sa3::parse_tree_listing(R"([{"type":"file","path":"a"}])", "u"), sa3::Error);
}

TEST(HubListing, Selection_SkipsGitattributesAndLargeExtras) {
  const auto selected = sa3::select_model_files(
      required_plus({{".gitattributes", 10, "", "g"}, {"README.md", 10, "", "g"},
                     {"model.fp16.safetensors", sa3::kMaxExtraFileBytes + 1, "s", "g"}}),
      "repo");
  std::vector<std::string> paths;
  for (const auto& f : selected) paths.push_back(f.path);
  EXPECT_EQ(paths.size(), 6u);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "README.md"), paths.end());
  EXPECT_EQ(std::find(paths.begin(), paths.end(), ".gitattributes"), paths.end());
  EXPECT_EQ(std::find(paths.begin(), paths.end(), "model.fp16.safetensors"), paths.end());
}

TEST(HubListing, RepoWithoutTokenizer_NotAnSa3Repo) {
  auto files = required_plus({});
  files.pop_back();
  try {
    sa3::select_model_files(files, "someone/other");
    FAIL();
  } catch (const sa3::Error& e) {
    EXPECT_NE(std::string(e.what()).find("someone/other"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("tokenizer.model"), std::string::npos);
  }
}

TEST(HubListing, Urls_FollowTheHubScheme) {
  EXPECT_EQ(sa3::tree_url("https://huggingface.co", "stabilityai/stable-audio-3-medium"),
            "https://huggingface.co/api/models/stabilityai/stable-audio-3-medium/tree/main?recursive=true");
  EXPECT_EQ(sa3::resolve_url("https://h", "o/r", "t5gemma-b-b-ul2/a b.json"),
            "https://h/o/r/resolve/main/t5gemma-b-b-ul2/a%20b.json");
}

}  // namespace
