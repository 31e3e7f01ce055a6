// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile safetensors files: a folder of malformed files generated here, each of which must
// be refused with an sa3::Error naming the file (and the key involved), never a crash.
#include <gtest/gtest.h>

#include <cstdint>

#include "io/safetensors_reader.h"
#include "io/safetensors_writer.h"
#include "safetensors_test_util.h"
#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {
namespace {

struct HostileCase {
  std::string name;      // file stem
  std::string bytes;     // whole file content
  std::string expected;  // substring the message must contain besides the path
};

std::string entry(const std::string& key, const std::string& dtype, const std::string& shape,
                  const std::string& offsets) {
  return "\"" + key + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape +
         ",\"data_offsets\":" + offsets + "}";
}

std::string length_only(std::uint64_t n) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
  return out;
}

std::vector<HostileCase> hostile_cases() {
  using test::raw_safetensors;
  const std::string eight(8, 'x');
  return {
      {"empty", "", "too short"},
      {"short_length", "abc", "too short"},
      {"length_past_end", length_only(1000) + "{}", "header length 1000"},
      {"length_huge", length_only(~0ULL) + "{}", "header length"},
      {"bad_json", raw_safetensors("{\"w\":{\"dtype\":", ""), "not valid JSON"},
      {"not_utf8", raw_safetensors("{\"\xff\xfe\":1}", ""), "not valid JSON"},
      {"header_is_array", raw_safetensors("[1,2]", ""), "not a JSON object"},
      {"unknown_dtype", raw_safetensors("{" + entry("w", "Q4_K", "[2]", "[0,8]") + "}", eight),
       "'w': unknown dtype"},
      {"offsets_outside",
       raw_safetensors("{" + entry("w", "F32", "[4]", "[0,16]") + "}", eight), "'w': data_offsets"},
      {"offsets_reversed", raw_safetensors("{" + entry("w", "F32", "[0]", "[8,0]") + "}", eight),
       "'w': data_offsets"},
      {"size_mismatch", raw_safetensors("{" + entry("w", "F32", "[3]", "[0,8]") + "}", eight),
       "'w': shape [3]"},
      {"overlap",
       raw_safetensors("{" + entry("a", "F32", "[2]", "[0,8]") + "," +
                           entry("b", "F32", "[1]", "[4,8]") + "}",
                       eight),
       "overlaps"},
      {"truncated_data",
       raw_safetensors("{" + entry("w", "F64", "[4]", "[0,32]") + "}", eight), "truncated"},
      {"negative_dim", raw_safetensors("{" + entry("w", "F32", "[-2]", "[0,8]") + "}", eight),
       "'w': shape"},
      {"fractional_dim", raw_safetensors("{" + entry("w", "F32", "[1.5]", "[0,8]") + "}", eight),
       "'w': shape"},
      {"shape_overflow",
       raw_safetensors("{" + entry("w", "F32", "[4294967296,4294967296]", "[0,8]") + "}", eight),
       "'w': shape"},
      {"missing_offsets", raw_safetensors(R"({"w":{"dtype":"F32","shape":[2]}})", eight),
       "'w': entry has no 'data_offsets'"},
      {"entry_not_object", raw_safetensors(R"({"w":3})", eight), "'w': entry is not"},
      {"metadata_not_string", raw_safetensors(R"({"__metadata__":{"kind":3}})", ""),
       "__metadata__ value 'kind'"},
      {"duplicate_key",
       raw_safetensors("{" + entry("w", "F32", "[1]", "[0,4]") + "," +
                           entry("w", "F32", "[1]", "[4,8]") + "}",
                       eight),
       "'w' twice"},
  };
}

TEST(SafetensorsHostile, EveryMalformedFile_IsRefusedNamingFileAndCause) {
  test::TempDir dir;
  const auto folder = dir / "hostile";
  std::filesystem::create_directory(folder);
  std::map<std::string, std::string> expected;
  for (const auto& c : hostile_cases()) {
    test::write_text(folder / (c.name + ".safetensors"), c.bytes);
    expected[c.name] = c.expected;
  }
  int checked = 0;
  for (const auto& file : std::filesystem::directory_iterator(folder)) {
    SCOPED_TRACE(file.path().filename().string());
    try {
      (void)SafetensorsFile::open(file.path());
      ADD_FAILURE() << "accepted a malformed file";
    } catch (const Error& e) {
      const std::string message = e.what();
      EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
      EXPECT_NE(message.find(file.path().string()), std::string::npos) << message;
      EXPECT_NE(message.find(expected[file.path().stem().string()]), std::string::npos) << message;
    }
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(expected.size()));
}

TEST(SafetensorsHostile, MissingFile_ErrorNamesPath) {
  test::TempDir dir;
  EXPECT_THROW((void)SafetensorsFile::open(dir / "nope.safetensors"), Error);
}

// Every prefix of a valid file, and every single-byte corruption of its header, must
// either load or throw sa3::Error; anything else (a crash, another exception) fails.
TEST(SafetensorsHostile, TruncationsAndHeaderByteFlips_NeverEscapeAsOtherErrors) {
  test::TempDir dir;
  const std::vector<float> w{1.f, 2.f};
  const std::vector<std::int64_t> ids{3};
  const std::string good = serialize_safetensors(
      {{"w", DType::F32, {2}, test::bytes_of(w)}, {"ids", DType::I64, {1}, test::bytes_of(ids)}},
      {{"kind", "x"}});
  const auto path = dir / "f.safetensors";
  auto outcome = [&](const std::string& bytes) {
    test::write_text(path, bytes);
    try {
      (void)SafetensorsFile::open(path);
      return true;
    } catch (const Error&) {
      return false;
    }
  };
  for (std::size_t n = 0; n < good.size(); ++n) EXPECT_FALSE(outcome(good.substr(0, n))) << n;
  for (std::size_t i = 0; i < 8 + good.find('}') + 40 && i < good.size(); ++i) {
    for (unsigned char flip : {0x01, 0x20, 0x80}) {
      std::string bad = good;
      bad[i] = static_cast<char>(bad[i] ^ flip);
      (void)outcome(bad);
    }
  }
  EXPECT_TRUE(outcome(good));
}

}  // namespace
}  // namespace sa3
