// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's approximate_token_count(): a stand-in for T5Gemma's SentencePiece tokenizer.
// SentencePiece splits common English words into one piece and rarer ones into pieces of
// roughly four characters; punctuation and non-ASCII characters tend to be pieces of their own.
// The estimate rounds each of those up so a caption it passes stays inside the 256 window.
#include <cstdint>

#include "sa3/dataset.h"

namespace sa3 {

size_t approximate_token_count(std::string_view caption) {
  size_t tokens = 1;  // the end-of-sequence token
  size_t word = 0;    // length of the current run of ASCII letters and digits
  auto end_word = [&] {
    if (word > 0) tokens += (word + 3) / 4;
    word = 0;
  };
  for (size_t i = 0; i < caption.size(); ++i) {
    const auto c = uint8_t(caption[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      ++word;
      continue;
    }
    end_word();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c >= 0x80 && (c & 0xC0) == 0x80) continue;  // UTF-8 continuation: counted with its lead
    ++tokens;
  }
  end_word();
  return tokens;
}

}  // namespace sa3
