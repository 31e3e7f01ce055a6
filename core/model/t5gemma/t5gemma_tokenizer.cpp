// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaTokenizer over the sa3_sentencepiece plug-in.
#include "model/t5gemma/t5gemma_tokenizer.h"

#include <ATen/ops/zeros.h>

#include <algorithm>
#include <array>

#include "model/t5gemma/sentencepiece_library.h"
#include "sa3/error.h"

namespace sa3 {

T5GemmaTokenizer::T5GemmaTokenizer(const std::filesystem::path& model_file) : path_(model_file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(model_file, ec)) {
    throw_invalid(model_file.string() + ": tokenizer model not found");
  }
  std::array<char, 1024> err{};
  model_ = SentencePieceLibrary::instance().load(model_file.c_str(), err.data(), err.size());
  if (model_ == nullptr) {
    throw_invalid(model_file.string() + ": not a SentencePiece tokenizer model (" + err.data() + ")");
  }
}

T5GemmaTokenizer::~T5GemmaTokenizer() { SentencePieceLibrary::instance().free(model_); }

std::vector<int64_t> T5GemmaTokenizer::encode(const std::string& text) const {
  const SentencePieceLibrary& spm = SentencePieceLibrary::instance();
  std::array<char, 1024> err{};
  std::vector<int> ids(text.size() + 16);  // byte fallback: at most one id per byte
  const long n = spm.encode(model_, text.data(), text.size(), ids.data(), ids.size(), err.data(), err.size());
  if (n < 0) throw_invalid(path_.string() + ": cannot tokenize prompt (" + err.data() + ")");
  if (static_cast<size_t>(n) > ids.size()) {
    ids.resize(static_cast<size_t>(n));
    spm.encode(model_, text.data(), text.size(), ids.data(), ids.size(), err.data(), err.size());
  }
  return std::vector<int64_t>(ids.begin(), ids.begin() + n);
}

TokenizedPrompts T5GemmaTokenizer::encode_batch(const std::vector<std::string>& texts, int64_t max_length) const {
  if (max_length <= 0) throw_invalid("tokenizer: max_length must be positive, got " + std::to_string(max_length));
  const auto batch = static_cast<int64_t>(texts.size());
  TokenizedPrompts out{at::zeros({batch, max_length}, at::kLong), at::zeros({batch, max_length}, at::kBool)};
  auto ids = out.input_ids.accessor<int64_t, 2>();
  auto mask = out.attention_mask.accessor<bool, 2>();
  for (int64_t b = 0; b < batch; ++b) {
    const std::vector<int64_t> tokens = encode(texts[size_t(b)]);
    const int64_t n = std::min<int64_t>(max_length, static_cast<int64_t>(tokens.size()));
    for (int64_t i = 0; i < n; ++i) {
      ids[b][i] = tokens[size_t(i)];
      mask[b][i] = true;
    }
  }
  return out;
}

int64_t T5GemmaTokenizer::vocab_size() const { return SentencePieceLibrary::instance().piece_size(model_); }

}  // namespace sa3
