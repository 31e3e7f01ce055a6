// SPDX-License-Identifier: GPL-3.0-or-later
// Writes safetensors files byte-for-byte as Hugging Face's safetensors library does:
// tensors sorted by dtype (descending, the library's order) then name, a compact JSON
// header with __metadata__ first and fields in the order dtype, shape, data_offsets,
// space-padded to a multiple of 8. Upstream's save_lora_safetensors produces the same bytes.
//
// Ownership: the caller's bytes are only read during the call.
// Errors: sa3::Error (InvalidInput) naming the tensor for duplicate/empty names or a byte
//   count that disagrees with dtype and shape; (Environment) naming the path when writing fails.
//   The target is replaced atomically; a failed write leaves the old file.
//
//   std::vector<sa3::TensorBytes> t{{"w", sa3::DType::F32, {2, 3}, bytes_of(w)}};
//   sa3::write_safetensors("out.safetensors", t, {{"kind", "demo"}});
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "io/dtype.h"
#include "io/safetensors_reader.h"

namespace sa3 {

struct TensorBytes {
  std::string name;
  DType dtype = DType::F32;
  std::vector<std::int64_t> shape;
  std::span<const std::byte> data;
};

// The whole file in memory (for small files and tests).
std::string serialize_safetensors(const std::vector<TensorBytes>& tensors,
                                  const SafetensorsMetadata& metadata);

// Streams the file through a temp file renamed into place; memory stays O(header).
void write_safetensors(const std::filesystem::path& path, const std::vector<TensorBytes>& tensors,
                       const SafetensorsMetadata& metadata);

}  // namespace sa3
