// SPDX-License-Identifier: GPL-3.0-or-later
// write_tiny_tokenizer_model: a small Gemma-style SentencePiece model for tiny test models.
#pragma once

#include <cstdint>
#include <filesystem>

namespace sa3 {

// Pieces in the model write_tiny_tokenizer_model trains (256 byte-fallback pieces, the four
// Gemma specials and merges); a tiny T5Gemma needs at least this vocab_size.
inline constexpr int64_t kTinyTokenizerVocabSize = 320;

// Trains a BPE SentencePiece model with byte fallback and Gemma's special ids (pad 0, eos 1,
// bos 2, unk 3; no dummy prefix, identity normalisation) on a built-in corpus of sound
// descriptions, and writes it to `model_file` (e.g. <models>/t5gemma-b-b-ul2/tokenizer.model)
// atomically. Used by `sa3 models make-tiny` and tests; nothing is downloaded.
// Throws sa3::Error (InvalidInput from the trainer, Environment for file-system failures).
void write_tiny_tokenizer_model(const std::filesystem::path& model_file);

}  // namespace sa3
