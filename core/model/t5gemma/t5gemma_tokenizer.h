// SPDX-License-Identifier: GPL-3.0-or-later
// T5GemmaTokenizer: SentencePiece tokenization of prompts as SA3's T5Gemma conditioner does it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "model/t5gemma/sentencepiece_shim.h"

namespace sa3 {

// Token ids and mask of a batch of prompts, padded to max_length.
struct TokenizedPrompts {
  at::Tensor input_ids;       // [B, max_length] int64, pad id 0
  at::Tensor attention_mask;  // [B, max_length] bool, true = token
};

// stable_audio_3/models/conditioners.py: T5GemmaConditioner.forward's tokenizer call
// (truncation=True, max_length, padding="max_length") on the Gemma SentencePiece model
// (`t5gemma-b-b-ul2/tokenizer.model`): no BOS and no EOS are added, padding uses id 0.
// Loading is synchronous; encode() is const and may run on any thread. sentencepiece runs in
// the sa3_sentencepiece plug-in (sentencepiece_shim.h explains why).
class T5GemmaTokenizer {
 public:
  // Throws sa3::Error(InvalidInput) naming the file when it is missing or not a
  // SentencePiece model, Environment when the plug-in cannot be loaded.
  explicit T5GemmaTokenizer(const std::filesystem::path& model_file);
  ~T5GemmaTokenizer();
  T5GemmaTokenizer(const T5GemmaTokenizer&) = delete;
  T5GemmaTokenizer& operator=(const T5GemmaTokenizer&) = delete;

  // Ids of one text, untruncated.
  std::vector<int64_t> encode(const std::string& text) const;
  // Batch as the conditioner sees it: each text truncated to max_length tokens, right-padded
  // with pad id 0 (mask false).
  TokenizedPrompts encode_batch(const std::vector<std::string>& texts, int64_t max_length = 256) const;

  int64_t vocab_size() const;
  static constexpr int64_t kPadId = 0;

 private:
  std::filesystem::path path_;
  sa3_spm* model_ = nullptr;
};

}  // namespace sa3
