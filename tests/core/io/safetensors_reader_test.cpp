// SPDX-License-Identifier: GPL-3.0-or-later
// Reading good safetensors files: every dtype, empty tensors, metadata, zero-copy views.
#include <gtest/gtest.h>

#include <cstring>

#include "io/safetensors_reader.h"
#include "io/safetensors_writer.h"
#include "safetensors_test_util.h"
#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {
namespace {

using test::bytes_of;

TEST(SafetensorsReader, HandWrittenFile_ReadsShapeDtypeAndBytes) {
  test::TempDir dir;
  const std::vector<float> w{1.f, 2.f, 3.f, 4.f, 5.f, 6.f};
  std::string data(reinterpret_cast<const char*>(w.data()), w.size() * sizeof(float));
  test::write_text(dir / "a.safetensors",
                   test::raw_safetensors(
                       R"({"__metadata__":{"kind":"dit"},"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}})",
                       data));
  const auto file = SafetensorsFile::open(dir / "a.safetensors");
  ASSERT_EQ(file.tensors().size(), 1u);
  const TensorView& t = file.at("w");
  EXPECT_EQ(t.dtype, DType::F32);
  EXPECT_EQ(t.shape, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(t.numel(), 6);
  ASSERT_EQ(t.data.size(), 24u);
  float got[6];
  std::memcpy(got, t.data.data(), 24);
  EXPECT_EQ(got[5], 6.f);
  EXPECT_EQ(file.metadata_value("kind"), "dit");
  EXPECT_FALSE(file.metadata_value("config").has_value());
}

TEST(SafetensorsReader, EveryDtypeAndEmptyTensor_RoundTripsThroughWriter) {
  test::TempDir dir;
  const std::vector<double> f64{1.5, -2.25};
  const std::vector<float> f32{0.5f, 1.f, 2.f};
  const std::vector<std::uint16_t> f16{0x3c00, 0xc000};
  const std::vector<std::uint16_t> bf16{0x3f80};
  const std::vector<std::int64_t> i64{-7, 1LL << 40};
  const std::vector<std::int32_t> i32{-3};
  const std::vector<std::uint8_t> flags{1, 0, 1};
  const std::vector<float> none;
  std::vector<TensorBytes> tensors{
      {"f64", DType::F64, {2}, bytes_of(f64)},   {"f32", DType::F32, {3, 1}, bytes_of(f32)},
      {"f16", DType::F16, {2}, bytes_of(f16)},   {"bf16", DType::BF16, {1, 1, 1}, bytes_of(bf16)},
      {"i64", DType::I64, {2}, bytes_of(i64)},   {"i32", DType::I32, {1}, bytes_of(i32)},
      {"mask", DType::BOOL, {3}, bytes_of(flags)}, {"empty", DType::F32, {1, 0, 1}, bytes_of(none)},
      {"scalar", DType::F32, {}, bytes_of(std::vector<float>{9.f})},
  };
  write_safetensors(dir / "all.safetensors", tensors, {{"a", "1"}, {"b", "x\"y"}});
  const auto file = SafetensorsFile::open(dir / "all.safetensors");
  ASSERT_EQ(file.tensors().size(), tensors.size());
  for (const auto& want : tensors) {
    SCOPED_TRACE(want.name);
    const TensorView& got = file.at(want.name);
    EXPECT_EQ(got.dtype, want.dtype);
    EXPECT_EQ(got.shape, want.shape);
    ASSERT_EQ(got.data.size(), want.data.size());
    EXPECT_EQ(std::memcmp(got.data.data(), want.data.data(), want.data.size()), 0);
  }
  EXPECT_EQ(file.at("empty").numel(), 0);
  EXPECT_EQ(file.at("scalar").numel(), 1);
  EXPECT_EQ(file.metadata_value("b"), "x\"y");
}

TEST(SafetensorsReader, Views_PointIntoTheMappingWithoutCopying) {
  test::TempDir dir;
  const std::vector<float> w(1000, 3.f);
  write_safetensors(dir / "w.safetensors", {{"w", DType::F32, {1000}, bytes_of(w)}}, {});
  const auto file = SafetensorsFile::open(dir / "w.safetensors");
  const auto mapped = file.mapping()->bytes();
  const auto data = file.at("w").data;
  EXPECT_GE(data.data(), mapped.data());
  EXPECT_LE(data.data() + data.size(), mapped.data() + mapped.size());
}

TEST(SafetensorsReader, Tensors_AreListedInFileOrder) {
  test::TempDir dir;
  const std::vector<float> one{1.f};
  const std::vector<double> two{2.0};
  write_safetensors(dir / "o.safetensors",
                    {{"a", DType::F32, {1}, bytes_of(one)}, {"z", DType::F64, {1}, bytes_of(two)}}, {});
  const auto file = SafetensorsFile::open(dir / "o.safetensors");
  ASSERT_EQ(file.tensors().size(), 2u);
  EXPECT_EQ(file.tensors()[0].name, "z");  // F64 sorts before F32 in the library's layout
  EXPECT_EQ(file.tensors()[1].name, "a");
}

TEST(SafetensorsReader, MissingKey_ErrorNamesFileAndKey) {
  test::TempDir dir;
  write_safetensors(dir / "m.safetensors", {}, {});
  const auto file = SafetensorsFile::open(dir / "m.safetensors");
  try {
    (void)file.at("model.model.x");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("m.safetensors"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("model.model.x"), std::string::npos);
  }
}

TEST(SafetensorsReader, ParityFixtures_AllOpenWithAKind) {
  const auto dir = test::parity_dir();
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no parity folder at " << dir;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".safetensors") continue;
    SCOPED_TRACE(entry.path().string());
    const auto file = SafetensorsFile::open(entry.path());
    EXPECT_FALSE(file.tensors().empty());
    ++files;
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace sa3
