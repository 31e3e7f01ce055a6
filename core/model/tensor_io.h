// SPDX-License-Identifier: GPL-3.0-or-later
// safetensors <-> at::Tensor: views of a mapped file's tensors and saving named tensors.
//
// Ownership: tensor_view() shares the file's mapping (the tensor keeps it alive); its pages
//   are copy-on-write, so an in-place change stays private to the process.
// Errors: sa3::Error (InvalidInput) naming file and key for dtypes ATen cannot hold (U16,
//   U32, U64); save_tensors as write_safetensors.
//
//   auto file = sa3::SafetensorsFile::open(path);
//   at::Tensor w = sa3::load_tensor(file, "model.model.preprocess_conv.weight", at::kFloat);
//   sa3::save_tensors(out, {{"w", w}}, {{"kind", "demo"}});
#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/safetensors_reader.h"

namespace sa3 {

at::ScalarType to_scalar_type(DType dtype);
// Throws sa3::Error (InvalidInput) for scalar types safetensors has no name for.
DType to_safetensors_dtype(at::ScalarType type);

// A CPU tensor over the stored bytes, in the stored dtype. Zero-copy unless the data is
// misaligned for its element type (then one copy).
at::Tensor tensor_view(const SafetensorsFile& file, const TensorView& tensor);

// The tensor named `key`, converted to `dtype` when given (a copy only if the dtype differs).
at::Tensor load_tensor(const SafetensorsFile& file, std::string_view key,
                       std::optional<at::ScalarType> dtype = std::nullopt);

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

// Writes tensors (any device, any layout; copied to contiguous CPU as needed) atomically.
void save_tensors(const std::filesystem::path& path, const NamedTensors& tensors,
                  const SafetensorsMetadata& metadata);
std::string serialize_tensors(const NamedTensors& tensors, const SafetensorsMetadata& metadata);

}  // namespace sa3
