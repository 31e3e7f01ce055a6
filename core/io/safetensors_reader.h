// SPDX-License-Identifier: GPL-3.0-or-later
// Memory-mapped, zero-copy reader of safetensors files (Hugging Face's format: an 8-byte
// little-endian header length, a JSON header, then raw little-endian tensor bytes).
//
// Lifecycle: SafetensorsFile::open validates the whole header up front; afterwards every
//   lookup is infallible except for a missing key. Copies share the mapping.
// Ownership: TensorView::data points into the mapping; keep the SafetensorsFile (or the
//   shared_ptr from mapping()) alive while you use it.
// Threading: immutable after open; safe to read from several threads.
// Errors: throws sa3::Error (InvalidInput) naming the file and, where one is involved, the
//   tensor key: bad header length, bad JSON, unknown dtype, bad shape, offsets outside the
//   data, overlapping tensors, byte counts that disagree with the shape, truncated data.
//
//   auto file = sa3::SafetensorsFile::open("model.safetensors");
//   const sa3::TensorView& w = file.at("model.model.preprocess_conv.weight");
//   std::string kind = file.metadata_value("kind").value_or("");
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/dtype.h"
#include "io/mapped_file.h"

namespace sa3 {

using SafetensorsMetadata = std::map<std::string, std::string>;

// One tensor's header entry and its bytes inside the mapping.
struct TensorView {
  std::string name;
  DType dtype = DType::F32;
  std::vector<std::int64_t> shape;
  std::span<const std::byte> data;

  std::int64_t numel() const;
};

class SafetensorsFile {
 public:
  static SafetensorsFile open(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return mapping_->path(); }
  // Tensors in header order.
  const std::vector<TensorView>& tensors() const { return tensors_; }
  const TensorView* find(std::string_view name) const;
  // Throws sa3::Error naming the file and the key when absent.
  const TensorView& at(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name) != nullptr; }

  const SafetensorsMetadata& metadata() const { return metadata_; }
  std::optional<std::string> metadata_value(const std::string& key) const;

  // The mapping, for consumers (e.g. at::Tensor views) that must keep the bytes alive.
  const std::shared_ptr<const MappedFile>& mapping() const { return mapping_; }

 private:
  SafetensorsFile() = default;

  std::shared_ptr<const MappedFile> mapping_;
  std::vector<TensorView> tensors_;
  std::unordered_map<std::string, std::size_t> index_;
  SafetensorsMetadata metadata_;
};

}  // namespace sa3
