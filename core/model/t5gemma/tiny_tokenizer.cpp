// SPDX-License-Identifier: GPL-3.0-or-later
// write_tiny_tokenizer_model: trains a small SentencePiece model through the plug-in.
#include "model/t5gemma/tiny_tokenizer.h"

#include <unistd.h>

#include <array>
#include <string>

#include "base/atomic_file.h"
#include "model/t5gemma/sentencepiece_library.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

// Enough distinct words that BPE finds the merges the vocabulary size asks for.
constexpr std::array<const char*, 48> kWords = {
    "warm",   "analog",  "synth",   "pad",     "slow",    "attack",  "deep",    "bass",
    "kick",   "drum",    "loop",    "bright",  "piano",   "chords",  "ambient", "texture",
    "field",  "recording", "rain",  "window",  "thunder", "distant", "vinyl",   "crackle",
    "guitar", "strum",   "acoustic", "reverb", "delay",   "snare",   "hi-hat",  "groove",
    "120",    "bpm",     "minor",   "major",   "violin",  "cello",   "choir",   "vocal",
    "footsteps", "gravel", "door",  "creak",   "wind",    "ocean",   "waves",   "bird"};

}  // namespace

void write_tiny_tokenizer_model(const std::filesystem::path& model_file) {
  const std::filesystem::path dir = model_file.parent_path().empty() ? "." : model_file.parent_path();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw_environment(dir.string() + ": cannot create folder (" + ec.message() + ")");
  const std::filesystem::path work = dir / (".tiny_tokenizer." + std::to_string(::getpid()));
  std::filesystem::create_directories(work, ec);
  if (ec) throw_environment(work.string() + ": cannot create folder (" + ec.message() + ")");
  try {
    std::string corpus;
    for (size_t line = 0; line < 400; ++line) {
      for (size_t w = 0; w < 7; ++w) {
        corpus += kWords[(line * 7 + w * w * 13 + line / 5) % kWords.size()];
        corpus += w + 1 < 7 ? ' ' : '\n';
      }
    }
    write_file_atomic(work / "corpus.txt", corpus);
    const std::filesystem::path prefix = work / "tokenizer";
    train_sentencepiece_model("--input=" + (work / "corpus.txt").string() + " --model_prefix=" + prefix.string() +
                              " --vocab_size=" + std::to_string(kTinyTokenizerVocabSize) +
                              " --model_type=bpe --byte_fallback=true --add_dummy_prefix=false"
                              " --normalization_rule_name=identity --character_coverage=1.0"
                              " --pad_id=0 --eos_id=1 --bos_id=2 --unk_id=3 --hard_vocab_limit=false");
    std::filesystem::rename(work / "tokenizer.model", model_file, ec);
    if (ec) throw_environment(model_file.string() + ": cannot write tokenizer model (" + ec.message() + ")");
  } catch (...) {
    std::filesystem::remove_all(work, ec);
    throw;
  }
  std::filesystem::remove_all(work, ec);
}

}  // namespace sa3
