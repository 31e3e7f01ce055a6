// SPDX-License-Identifier: GPL-3.0-or-later
// safetensors <-> at::Tensor: dtypes, zero-copy lifetime, copy-on-write, refusals.
#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "io/safetensors_writer.h"
#include "model/tensor_io.h"
#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {
namespace {

TEST(TensorIo, SaveThenLoad_KeepsValuesForEveryAtenDtype) {
  test::TempDir dir;
  const at::Tensor f = at::randn({3, 4});
  NamedTensors tensors{{"f32", f},
                       {"f64", f.to(at::kDouble)},
                       {"f16", f.to(at::kHalf)},
                       {"bf16", f.to(at::kBFloat16)},
                       {"i64", at::arange(5, at::kLong)},
                       {"mask", f > 0},
                       {"empty", at::empty({1, 0, 1})},
                       {"strided", f.t()}};
  save_tensors(dir / "t.safetensors", tensors, {{"kind", "test"}});
  const auto file = SafetensorsFile::open(dir / "t.safetensors");
  for (const auto& [name, want] : tensors) {
    SCOPED_TRACE(name);
    const at::Tensor got = load_tensor(file, name);
    EXPECT_EQ(got.scalar_type(), want.scalar_type());
    EXPECT_EQ(got.sizes(), want.sizes());
    EXPECT_TRUE(at::equal(got, want));
  }
  EXPECT_TRUE(at::equal(load_tensor(file, "bf16", at::kFloat), f.to(at::kBFloat16).to(at::kFloat)));
}

TEST(TensorIo, View_OutlivesTheFileObjectAndSharesItsBytes) {
  test::TempDir dir;
  save_tensors(dir / "v.safetensors", {{"w", at::full({256}, 2.5f)}}, {});
  at::Tensor view;
  const void* mapped = nullptr;
  {
    const auto file = SafetensorsFile::open(dir / "v.safetensors");
    view = load_tensor(file, "w");
    mapped = file.at("w").data.data();
  }
  EXPECT_EQ(view.data_ptr(), mapped);
  EXPECT_FLOAT_EQ(view.sum().item<float>(), 640.f);
}

TEST(TensorIo, InPlaceChangeOfAView_NeverReachesTheFile) {
  test::TempDir dir;
  save_tensors(dir / "c.safetensors", {{"w", at::ones({8})}}, {});
  {
    const auto file = SafetensorsFile::open(dir / "c.safetensors");
    load_tensor(file, "w").mul_(3);
  }
  const auto again = SafetensorsFile::open(dir / "c.safetensors");
  EXPECT_TRUE(at::equal(load_tensor(again, "w"), at::ones({8})));
}

TEST(TensorIo, UnsignedWideDtype_ErrorNamesFileAndKey) {
  test::TempDir dir;
  const std::vector<std::uint16_t> v{1, 2};
  write_safetensors(dir / "u.safetensors",
                    {{"ids.u16", DType::U16, {2}, std::as_bytes(std::span<const std::uint16_t>(v))}}, {});
  const auto file = SafetensorsFile::open(dir / "u.safetensors");
  try {
    (void)load_tensor(file, "ids.u16");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("u.safetensors"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("ids.u16"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sa3
