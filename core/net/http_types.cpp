// SPDX-License-Identifier: GPL-3.0-or-later
// Case-insensitive header list.
#include "net/http_types.h"

#include <algorithm>
#include <cctype>

namespace sa3::net {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

void Headers::set(const std::string& name, std::string value) {
  remove(name);
  add(name, std::move(value));
}

void Headers::remove(const std::string& name) {
  std::erase_if(entries_, [&](const Entry& e) { return iequals(e.name, name); });
}

std::optional<std::string> Headers::get(std::string_view name) const {
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it)
    if (iequals(it->name, name)) return it->value;
  return std::nullopt;
}

}  // namespace sa3::net
