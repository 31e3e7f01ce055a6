// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the safetensors tests: raw file assembly from a header string and data bytes.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace sa3::test {

// 8-byte little-endian length + header + data, exactly as given (no validation).
std::string raw_safetensors(const std::string& header, const std::string& data);

template <typename T>
std::span<const std::byte> bytes_of(const std::vector<T>& v) {
  return std::as_bytes(std::span<const T>(v));
}

}  // namespace sa3::test
