// SPDX-License-Identifier: GPL-3.0-or-later
// SentencePieceLibrary: the dlopen()ed sa3_sentencepiece plug-in (see sentencepiece_shim.h).
#pragma once

#include <filesystem>
#include <string>

#include "model/t5gemma/sentencepiece_shim.h"

namespace sa3 {

// Lifecycle: loaded once per process on first use and never unloaded.
// Threading: instance() is thread-safe; the functions are safe to call concurrently on
//   different models (and on one model for encoding, which is const in sentencepiece).
// Errors: instance() throws sa3::Error(Environment) naming the places searched when the
//   plug-in is missing or incomplete.
// Search order: next to the running executable, then the build tree's plug-in path.
class SentencePieceLibrary {
 public:
  static const SentencePieceLibrary& instance();

  sa3_spm_load_fn load = nullptr;
  sa3_spm_free_fn free = nullptr;
  sa3_spm_piece_size_fn piece_size = nullptr;
  sa3_spm_encode_fn encode = nullptr;
  sa3_spm_train_fn train = nullptr;
  std::filesystem::path path;  // the plug-in file that was loaded

 private:
  SentencePieceLibrary();
};

// SentencePieceTrainer::Train with command-line style flags ("--input=... --model_prefix=...").
// Throws sa3::Error(InvalidInput) with sentencepiece's message when training fails.
void train_sentencepiece_model(const std::string& flags);

}  // namespace sa3
