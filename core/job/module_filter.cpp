// SPDX-License-Identifier: GPL-3.0-or-later
// include/exclude module filters: pattern checking, [a-b] range expansion and matching, as
// stable_audio_3/models/lora/model.py: _expand, _matches_any and add_lora define them.
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "sa3/job.h"

namespace sa3 {
namespace {

// Bounds the cartesian product so a pattern like "[0-99999][0-99999]" cannot exhaust memory.
constexpr size_t kMaxExpansions = 100000;

std::string_view strip(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

struct Piece {
  std::string literal;        // text before the range (or the tail when there is no range)
  bool has_range = false;
  long first = 0, last = 0;
};

bool parse_number(std::string_view digits, long& out) {
  if (digits.empty()) return false;
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
  return ec == std::errc() && ptr == digits.data() + digits.size();
}

// Splits a stripped pattern into literal text and ranges; returns the reason on bad syntax.
std::optional<std::string> split_pattern(std::string_view p, std::vector<Piece>& pieces) {
  std::string literal;
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == ']') return "unmatched ']' at position " + std::to_string(i + 1);
    if (c != '[') {
      literal += c;
      ++i;
      continue;
    }
    const size_t close = p.find(']', i);
    if (close == std::string_view::npos) return "unmatched '[' at position " + std::to_string(i + 1);
    const std::string_view inside = p.substr(i + 1, close - i - 1);
    const size_t dash = inside.find('-');
    Piece piece{literal, true, 0, 0};
    if (dash == std::string_view::npos || !parse_number(inside.substr(0, dash), piece.first) ||
        !parse_number(inside.substr(dash + 1), piece.last))
      return "'[" + std::string(inside) + "]' is not a numeric range like [0-11]";
    pieces.push_back(std::move(piece));
    literal.clear();
    i = close + 1;
  }
  pieces.push_back(Piece{literal, false, 0, 0});
  size_t combinations = 1;
  for (const Piece& piece : pieces) {
    if (!piece.has_range) continue;
    combinations *= static_cast<size_t>(std::labs(piece.last - piece.first) + 1);
    if (combinations > kMaxExpansions)
      return "its ranges expand to more than " + std::to_string(kMaxExpansions) + " names";
  }
  return std::nullopt;
}

bool matches_any(std::string_view name, const std::vector<std::string>& patterns) {
  for (const std::string& pattern : patterns)
    for (const std::string& expanded : expand_pattern(pattern))
      if (name.find(expanded) != std::string_view::npos) return true;
  return false;
}

}  // namespace

std::optional<std::string> pattern_problem(std::string_view pattern) {
  const std::string_view p = strip(pattern);
  if (p.empty()) return std::string("an empty pattern would match every module");
  std::vector<Piece> pieces;
  return split_pattern(p, pieces);
}

std::vector<std::string> expand_pattern(std::string_view pattern) {
  const std::string_view p = strip(pattern);
  std::vector<Piece> pieces;
  if (p.empty()) throw_invalid("include/exclude pattern '" + std::string(pattern) + "': empty pattern");
  if (auto why = split_pattern(p, pieces))
    throw_invalid("include/exclude pattern '" + std::string(pattern) + "': " + *why);
  std::vector<std::string> out{""};
  for (const Piece& piece : pieces) {
    std::vector<std::string> next;
    for (const std::string& prefix : out) {
      const std::string head = prefix + piece.literal;
      if (!piece.has_range) {
        next.push_back(head);
        continue;
      }
      const long step = piece.last >= piece.first ? 1 : -1;
      for (long n = piece.first;; n += step) {
        next.push_back(head + std::to_string(n));
        if (n == piece.last) break;
      }
    }
    out = std::move(next);
  }
  return out;
}

bool module_selected(std::string_view module_name,
                     const std::optional<std::vector<std::string>>& include,
                     const std::optional<std::vector<std::string>>& exclude) {
  // An empty list means "no filter" here (spec/contracts.md), unlike upstream where [] adapts nothing.
  if (include && !include->empty() && !matches_any(module_name, *include)) return false;
  if (exclude && !exclude->empty() && matches_any(module_name, *exclude)) return false;
  return true;
}

}  // namespace sa3
