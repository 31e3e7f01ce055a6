// SPDX-License-Identifier: GPL-3.0-or-later
// The writer's byte layout (the safetensors library's) and its refusals.
#include <gtest/gtest.h>

#include "base/atomic_file.h"
#include "io/safetensors_reader.h"
#include "io/safetensors_writer.h"
#include "safetensors_test_util.h"
#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {
namespace {

using test::bytes_of;

TEST(SafetensorsWriter, OneTensor_MatchesTheLibraryLayoutByteForByte) {
  const std::vector<float> zeros(4, 0.f);
  const std::string got = serialize_safetensors({{"test", DType::F32, {2, 2}, bytes_of(zeros)}}, {});
  // The header is padded with spaces to a multiple of 8 (60 -> 64 bytes).
  const std::string header =
      R"({"test":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}})" + std::string(4, ' ');
  EXPECT_EQ(got, test::raw_safetensors(header, std::string(16, '\0')));
}

TEST(SafetensorsWriter, Metadata_ComesFirstAndTensorsSortByDtypeThenName) {
  const std::vector<std::uint16_t> h{1};
  const std::vector<float> f{1.f};
  const std::string got = serialize_safetensors(
      {{"b", DType::F16, {1}, bytes_of(h)}, {"c", DType::F32, {1}, bytes_of(f)},
       {"a", DType::F16, {1}, bytes_of(h)}},
      {{"lora_config", R"({"rank": 4})"}});
  const std::string header = got.substr(8, got.find('}', got.find("\"c\"")) + 2 - 8);
  EXPECT_EQ(header.rfind(R"({"__metadata__":{"lora_config":"{\"rank\": 4}"},"c":)", 0), 0u) << header;
  EXPECT_LT(got.find("\"a\""), got.find("\"b\""));
  EXPECT_EQ((got.size() - 8 - 8) % 8, 0u);
}

TEST(SafetensorsWriter, ReferenceLoraFile_IsReproducedByteForByte) {
  const auto path = test::parity_dir() / "lora_save_dora_rows.safetensors";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no fixture " << path;
  const auto file = SafetensorsFile::open(path);
  std::vector<TensorBytes> tensors;
  for (const auto& t : file.tensors()) tensors.push_back({t.name, t.dtype, t.shape, t.data});
  EXPECT_EQ(serialize_safetensors(tensors, file.metadata()), read_file(path));
}

TEST(SafetensorsWriter, WrongByteCount_ErrorNamesTensor) {
  const std::vector<float> three(3, 0.f);
  try {
    serialize_safetensors({{"blocks.0.w", DType::F32, {2, 2}, bytes_of(three)}}, {});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(e.what()).find("blocks.0.w"), std::string::npos);
  }
}

TEST(SafetensorsWriter, DuplicateName_IsRefused) {
  const std::vector<float> one{1.f};
  EXPECT_THROW(serialize_safetensors({{"w", DType::F32, {1}, bytes_of(one)},
                                      {"w", DType::F32, {1}, bytes_of(one)}},
                                     {}),
               Error);
}

TEST(SafetensorsWriter, FailedWrite_LeavesTheOldFileAndNoTemp) {
  test::TempDir dir;
  const auto path = dir / "keep.safetensors";
  test::write_text(path, "old");
  const std::vector<float> three(3, 0.f);
  EXPECT_THROW(write_safetensors(path, {{"w", DType::F32, {2}, bytes_of(three)}}, {}), Error);
  EXPECT_EQ(test::read_text(path), "old");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(SafetensorsWriter, UnwritableFolder_ThrowsEnvironmentErrorNamingPath) {
  test::TempDir dir;
  const auto path = dir / "missing" / "x.safetensors";
  try {
    write_safetensors(path, {}, {});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Environment);
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos);
  }
}

}  // namespace
}  // namespace sa3
