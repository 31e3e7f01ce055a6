// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of T5GemmaTokenizer on a tiny SentencePiece model trained by the test itself.
#include "model/t5gemma/t5gemma_tokenizer.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <string>

#include "model/t5gemma/tiny_tokenizer.h"
#include "sa3/error.h"
#include "test_support.h"

namespace sa3 {
namespace {

class T5GemmaTokenizerTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    write_tiny_tokenizer_model(*dir_ / "tokenizer.model");
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static test::TempDir* dir_;
};
test::TempDir* T5GemmaTokenizerTest::dir_ = nullptr;

TEST_F(T5GemmaTokenizerTest, Encode_AddsNoBosOrEosAndStaysInVocabulary) {
  const T5GemmaTokenizer tokenizer(*dir_ / "tokenizer.model");
  EXPECT_LE(tokenizer.vocab_size(), kTinyTokenizerVocabSize);
  const std::vector<int64_t> ids = tokenizer.encode("warm analog synth pad");
  ASSERT_FALSE(ids.empty());
  EXPECT_NE(ids.front(), 2);  // bos
  EXPECT_NE(ids.back(), 1);   // eos
  for (int64_t id : ids) {
    EXPECT_GT(id, 3);
    EXPECT_LT(id, tokenizer.vocab_size());
  }
}

TEST_F(T5GemmaTokenizerTest, UnseenCharacters_FallBackToBytes) {
  const T5GemmaTokenizer tokenizer(*dir_ / "tokenizer.model");
  // "é" is two UTF-8 bytes the corpus never contains: two byte pieces, no unk (3).
  const std::vector<int64_t> ids = tokenizer.encode("é");
  EXPECT_EQ(ids.size(), 2u);
  for (int64_t id : ids) EXPECT_NE(id, 3);
}

TEST_F(T5GemmaTokenizerTest, EncodeBatch_PadsWithZeroAndTruncatesToMaxLength) {
  const T5GemmaTokenizer tokenizer(*dir_ / "tokenizer.model");
  const std::string long_text = "deep bass kick drum loop with bright piano chords and distant thunder";
  const std::vector<int64_t> full = tokenizer.encode(long_text);
  const std::vector<int64_t> short_ids = tokenizer.encode("rain");
  ASSERT_GT(full.size(), 8u);
  const TokenizedPrompts batch = tokenizer.encode_batch({long_text, "rain", ""}, 8);
  ASSERT_EQ(batch.input_ids.sizes(), (std::vector<int64_t>{3, 8}));
  ASSERT_EQ(batch.attention_mask.scalar_type(), at::kBool);
  for (int64_t i = 0; i < 8; ++i) {
    EXPECT_EQ(batch.input_ids[0][i].item<int64_t>(), full[size_t(i)]);  // first 8 ids, truncated
    EXPECT_TRUE(batch.attention_mask[0][i].item<bool>());
  }
  const auto n = static_cast<int64_t>(short_ids.size());
  EXPECT_EQ(batch.attention_mask[1].sum().item<int64_t>(), n);
  EXPECT_EQ(batch.input_ids[1].narrow(0, n, 8 - n).abs().sum().item<int64_t>(), 0);  // pad id 0
  EXPECT_EQ(batch.attention_mask[2].sum().item<int64_t>(), 0);
}

TEST_F(T5GemmaTokenizerTest, MissingOrCorruptModel_ThrowsInvalidInputNamingTheFile) {
  const auto missing = *dir_ / "absent.model";
  try {
    T5GemmaTokenizer tokenizer(missing);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(e.what()).find("absent.model"), std::string::npos);
  }
  const auto corrupt = *dir_ / "corrupt.model";
  test::write_text(corrupt, "this is not a protobuf");
  try {
    T5GemmaTokenizer tokenizer(corrupt);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(e.what()).find("corrupt.model"), std::string::npos);
  }
}

}  // namespace
}  // namespace sa3
