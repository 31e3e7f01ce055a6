// SPDX-License-Identifier: GPL-3.0-or-later
// Downloads from the fake hub: full download, resume after a cut and after a cancel, corrupt
// bytes rejected, gated repos explained, the token kept off the CDN, disk space refused.
#include <gtest/gtest.h>

#include <filesystem>

#include "fake_hub.h"
#include "hub/download_lock.h"
#include "sa3/hub.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using sa3::test::FakeHub;
using sa3::test::TempDir;

constexpr const char* kRepo = "stabilityai/stable-audio-3-small-sfx";
constexpr const char* kId = "small-sfx";

class ModelDownload : public ::testing::Test {
 protected:
  ModelDownload() : hub(kRepo, sa3::test::tiny_model_repo()) { options.hub.endpoint = hub.endpoint(); }

  sa3::Result<sa3::ModelStatus> download() { return sa3::download_model(dir.path(), kId, options, job); }

  void expect_repo_on_disk() {
    for (const auto& f : sa3::test::tiny_model_repo()) {
      if (f.path == ".gitattributes") {
        EXPECT_FALSE(fs::exists(dir / kId / f.path));
        continue;
      }
      EXPECT_EQ(sa3::test::read_text(dir / kId / f.path), f.content) << f.path;
      EXPECT_FALSE(fs::exists(dir / kId / (f.path + ".part"))) << f.path;
    }
  }

  std::vector<sa3::test::SeenRequest> cdn_requests_for(const std::string& path) {
    std::vector<sa3::test::SeenRequest> out;
    for (const auto& r : hub.cdn_requests())
      if (r.path == "/blobs/" + path) out.push_back(r);
    return out;
  }

  TempDir dir;
  FakeHub hub;
  sa3::DownloadOptions options;
  sa3::JobControl job;
};

TEST_F(ModelDownload, EmptyFolder_DownloadsVerifiesAndRecords) {
  std::vector<sa3::DownloadProgress> seen;
  options.on_progress = [&](const sa3::DownloadProgress& p) { seen.push_back(p); };
  auto r = download();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->state, sa3::ModelState::Present);
  EXPECT_TRUE(r->has_download_record);
  expect_repo_on_disk();
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back().done_bytes, seen.back().total_bytes);
  EXPECT_EQ(seen.back().total_bytes, r->expected_bytes);

  sa3::JobControl verify_job;
  auto verified = sa3::verify_model(dir.path(), kId, verify_job);
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified->state, sa3::ModelState::Present);
  EXPECT_TRUE(verified->hashes_checked);
}

TEST_F(ModelDownload, PaginatedFileList_EveryPageFollowed) {
  hub.paginate(3);  // 8 entries (7 files and a directory): three pages
  auto r = download();
  ASSERT_TRUE(r.ok()) << r.error().message;
  expect_repo_on_disk();
  std::size_t tree_pages = 0;
  for (const auto& q : hub.hub_requests()) tree_pages += q.path.find("/tree/main") != std::string::npos ? 1 : 0;
  EXPECT_EQ(tree_pages, 3u);
}

TEST_F(ModelDownload, SecondRun_TransfersNothing) {
  ASSERT_TRUE(download().ok());
  const auto before = hub.cdn_requests().size();
  auto r = download();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(hub.cdn_requests().size(), before);
}

TEST_F(ModelDownload, ConnectionCutMidBody_ResumesWithRange) {
  hub.cut_after("model.safetensors", 100000);
  auto r = download();
  ASSERT_TRUE(r.ok()) << r.error().message;
  expect_repo_on_disk();
  const auto requests = cdn_requests_for("model.safetensors");
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].range, "");
  EXPECT_EQ(requests[1].range, "bytes=100000-");
}

TEST_F(ModelDownload, CancelledThenRestarted_ResumesThePartFile) {
  // The cut makes the downloader wait before resuming; cancelling while it waits stops the job
  // with 120000 bytes in the .part file, as a user pressing Stop mid-file would.
  hub.cut_after("model.safetensors", 120000);
  job.on_log = [&](sa3::LogLevel level, const std::string&) {
    if (level == sa3::LogLevel::Warning) job.cancel();
  };
  auto first = download();
  ASSERT_FALSE(first.ok());
  ASSERT_TRUE(first.error().cancelled()) << first.error().message;
  EXPECT_EQ(fs::file_size(dir / kId / "model.safetensors.part"), 120000u);
  auto status = sa3::model_status(dir.path(), kId);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->state, sa3::ModelState::Incomplete);

  sa3::JobControl fresh;
  auto second = sa3::download_model(dir.path(), kId, options, fresh);
  ASSERT_TRUE(second.ok()) << second.error().message;
  expect_repo_on_disk();
  const auto requests = cdn_requests_for("model.safetensors");
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].range, "bytes=120000-");
}

TEST_F(ModelDownload, CorruptByte_RejectedAndNotMovedIntoPlace) {
  hub.corrupt_byte("t5gemma-b-b-ul2/model.safetensors", 5000);
  auto r = download();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, sa3::ErrorKind::Environment);
  EXPECT_NE(r.error().message.find("corrupt"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("t5gemma-b-b-ul2/model.safetensors"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / kId / "t5gemma-b-b-ul2" / "model.safetensors"));
  EXPECT_FALSE(fs::exists(dir / kId / "t5gemma-b-b-ul2" / "model.safetensors.part"));
}

TEST_F(ModelDownload, GatedWithoutToken_ExplainsLicenseAndToken) {
  hub.require_token("hf_secret");
  auto r = download();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, sa3::ErrorKind::InvalidInput);
  const std::string& m = r.error().message;
  EXPECT_NE(m.find("HTTP 401"), std::string::npos) << m;
  EXPECT_NE(m.find("accept the license"), std::string::npos) << m;
  EXPECT_NE(m.find(hub.endpoint() + "/" + kRepo), std::string::npos) << m;
  EXPECT_NE(m.find("token"), std::string::npos) << m;
  EXPECT_TRUE(hub.cdn_requests().empty());
}

TEST_F(ModelDownload, GatedWithRefusedToken_SaysAccessNotGranted) {
  hub.require_token("hf_secret");
  options.hub.token = "hf_other";
  auto r = download();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("HTTP 403"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("accept the license"), std::string::npos) << r.error().message;
}

TEST_F(ModelDownload, Token_SentToHubNeverToCdn) {
  hub.require_token("hf_secret");
  options.hub.token = "hf_secret";
  auto r = download();
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_FALSE(hub.hub_requests().empty());
  for (const auto& q : hub.hub_requests()) EXPECT_EQ(q.authorization, "Bearer hf_secret") << q.path;
  ASSERT_EQ(hub.cdn_requests().size(), 3u);  // the three LFS files
  for (const auto& q : hub.cdn_requests()) EXPECT_EQ(q.authorization, "") << q.path;
}

TEST_F(ModelDownload, NotEnoughSpace_RefusedBeforeAnyTransfer) {
  fs::path asked;
  options.available_space = [&](const fs::path& p) {
    asked = p;
    return std::uintmax_t{1000};
  };
  auto r = download();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, sa3::ErrorKind::Environment);
  EXPECT_NE(r.error().message.find("not enough free disk space"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("1.00 kB free"), std::string::npos) << r.error().message;
  EXPECT_EQ(asked, dir / kId);
  EXPECT_TRUE(hub.cdn_requests().empty());
}

TEST_F(ModelDownload, FolderFromAnotherTool_KeptAfterHashCheck) {
  sa3::test::write_repo(dir / kId, sa3::test::tiny_model_repo());
  auto r = download();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->has_download_record);
  EXPECT_TRUE(hub.cdn_requests().empty());
}

TEST_F(ModelDownload, CorruptFileOnDisk_FetchedAgain) {
  auto repo = sa3::test::tiny_model_repo();
  repo.erase(repo.begin());  // .gitattributes, which downloads skip
  repo[5].content[10] ^= 1;  // tokenizer.model, same size
  sa3::test::write_repo(dir / kId, repo);
  auto r = download();
  ASSERT_TRUE(r.ok()) << r.error().message;
  expect_repo_on_disk();
  ASSERT_EQ(hub.cdn_requests().size(), 1u);
  EXPECT_EQ(hub.cdn_requests()[0].path, "/blobs/t5gemma-b-b-ul2/tokenizer.model");
}

TEST_F(ModelDownload, FolderLockedByAnotherDownload_Refused) {
  fs::create_directories(dir / kId);
  const sa3::DownloadLock other(dir / kId);
  auto r = download();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("another download"), std::string::npos) << r.error().message;
  EXPECT_TRUE(hub.hub_requests().empty());
}

TEST_F(ModelDownload, UnknownRepoEndpoint_NotFoundNamesEndpoint) {
  options.hub.endpoint = hub.endpoint() + "/nothing";
  auto r = download();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("SA3_HF_ENDPOINT"), std::string::npos) << r.error().message;
}

}  // namespace
