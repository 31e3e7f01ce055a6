// SPDX-License-Identifier: GPL-3.0-or-later
// Element types of safetensors files, named as the format spells them ("F32", "BF16", ...).
#pragma once

#include <cstddef>
#include <string_view>

namespace sa3 {

// Declared in the safetensors library's order: the writer sorts tensors by this order
// (descending), which is what makes our files byte-identical to the library's.
enum class DType {
  BOOL,
  U8,
  I8,
  I16,
  U16,
  F16,
  BF16,
  I32,
  U32,
  F32,
  F64,
  I64,
  U64,
};

// Bytes per element.
std::size_t dtype_size(DType dtype);
// The format's name, e.g. "BF16".
std::string_view dtype_name(DType dtype);
// Parses a format name; false for names this reader does not know (e.g. F8_E4M3).
bool parse_dtype(std::string_view name, DType& out);

}  // namespace sa3
