// SPDX-License-Identifier: GPL-3.0-or-later
// Raw safetensors assembly for tests.
#include "safetensors_test_util.h"

#include <cstdint>

namespace sa3::test {

std::string raw_safetensors(const std::string& header, const std::string& data) {
  std::string out(8, '\0');
  const std::uint64_t n = header.size();
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
  return out + header + data;
}

}  // namespace sa3::test
