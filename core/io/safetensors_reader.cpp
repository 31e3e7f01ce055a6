// SPDX-License-Identifier: GPL-3.0-or-later
// Header parsing and validation for the safetensors reader.
#include "io/safetensors_reader.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "sa3/error.h"

namespace sa3 {
namespace {

static_assert(std::endian::native == std::endian::little,
              "safetensors data is little-endian; views are only zero-copy on such hosts");

// The safetensors library refuses larger headers; a bigger length is a corrupt file.
constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;

using nlohmann::json;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw_invalid(path.string() + ": " + what);
}

[[noreturn]] void fail_key(const std::filesystem::path& path, const std::string& key,
                           const std::string& what) {
  fail(path, "tensor '" + key + "': " + what);
}

// Parses the header, refusing duplicate top-level keys (nlohmann would silently keep one).
json parse_header(const std::filesystem::path& path, std::string_view text) {
  std::set<std::string> seen;
  std::string duplicate;
  auto on_event = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth == 1 && event == json::parse_event_t::key) {
      auto key = parsed.get<std::string>();
      if (!seen.insert(key).second && duplicate.empty()) duplicate = key;
    }
    return true;
  };
  json header;
  try {
    header = json::parse(text.begin(), text.end(), on_event);
  } catch (const json::exception& e) {
    fail(path, std::string("header is not valid JSON (") + e.what() + ")");
  }
  if (!duplicate.empty()) fail(path, "header names '" + duplicate + "' twice");
  if (!header.is_object()) fail(path, "header is not a JSON object");
  return header;
}

SafetensorsMetadata parse_metadata(const std::filesystem::path& path, const json& value) {
  if (!value.is_object()) fail(path, "__metadata__ is not a JSON object");
  SafetensorsMetadata metadata;
  for (const auto& [key, v] : value.items()) {
    if (!v.is_string()) fail(path, "__metadata__ value '" + key + "' is not a string");
    metadata.emplace(key, v.get<std::string>());
  }
  return metadata;
}

std::uint64_t checked_u64(const std::filesystem::path& path, const std::string& key,
                          const json& v, const char* field) {
  if (!v.is_number_unsigned())
    fail_key(path, key, std::string(field) + " must hold non-negative integers");
  return v.get<std::uint64_t>();
}

struct Entry {
  TensorView view;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

Entry parse_entry(const std::filesystem::path& path, const std::string& key, const json& v,
                  std::uint64_t data_size) {
  if (!v.is_object()) fail_key(path, key, "entry is not a JSON object");
  for (const char* field : {"dtype", "shape", "data_offsets"})
    if (!v.contains(field)) fail_key(path, key, std::string("entry has no '") + field + "'");
  Entry e;
  e.view.name = key;
  const json& dtype = v["dtype"];
  if (!dtype.is_string() || !parse_dtype(dtype.get<std::string>(), e.view.dtype))
    fail_key(path, key, "unknown dtype " + dtype.dump());
  const json& shape = v["shape"];
  if (!shape.is_array()) fail_key(path, key, "shape is not an array");
  std::uint64_t numel = 1;
  for (const json& d : shape) {
    const std::uint64_t dim = checked_u64(path, key, d, "shape");
    if (dim > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ||
        (dim != 0 && numel > std::numeric_limits<std::uint64_t>::max() / dim))
      fail_key(path, key, "shape " + shape.dump() + " is too large");
    numel *= dim;
    e.view.shape.push_back(static_cast<std::int64_t>(dim));
  }
  const json& offsets = v["data_offsets"];
  if (!offsets.is_array() || offsets.size() != 2)
    fail_key(path, key, "data_offsets is not a pair of integers");
  e.begin = checked_u64(path, key, offsets[0], "data_offsets");
  e.end = checked_u64(path, key, offsets[1], "data_offsets");
  if (e.begin > e.end)
    fail_key(path, key, "data_offsets " + offsets.dump() + " end before they begin");
  if (e.end > data_size)
    fail_key(path, key, "data_offsets " + offsets.dump() + " reach past the end of the data (" +
                            std::to_string(data_size) + " bytes; the file is truncated or corrupt)");
  const std::size_t elem = dtype_size(e.view.dtype);
  if (numel > std::numeric_limits<std::uint64_t>::max() / elem || numel * elem != e.end - e.begin)
    fail_key(path, key, "shape " + shape.dump() + " of " + std::string(dtype_name(e.view.dtype)) +
                            " needs " + std::to_string(numel * elem) + " bytes, data_offsets give " +
                            std::to_string(e.end - e.begin));
  return e;
}

void check_no_overlap(const std::filesystem::path& path, std::vector<const Entry*> entries) {
  std::sort(entries.begin(), entries.end(), [](const Entry* a, const Entry* b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
  });
  const Entry* previous = nullptr;
  for (const Entry* e : entries) {
    if (e->begin == e->end) continue;  // empty tensors occupy no bytes
    if (previous && e->begin < previous->end)
      fail_key(path, e->view.name, "data overlaps tensor '" + previous->view.name + "'");
    previous = e;
  }
}

}  // namespace

std::int64_t TensorView::numel() const {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

SafetensorsFile SafetensorsFile::open(const std::filesystem::path& path) {
  SafetensorsFile file;
  file.mapping_ = std::make_shared<const MappedFile>(path);
  const auto bytes = file.mapping_->bytes();
  if (bytes.size() < 8)
    fail(path, "too short for a safetensors file (" + std::to_string(bytes.size()) + " bytes)");
  std::uint64_t header_size = 0;
  std::memcpy(&header_size, bytes.data(), 8);
  if (header_size > kMaxHeaderBytes || header_size > bytes.size() - 8)
    fail(path, "header length " + std::to_string(header_size) + " does not fit the file (" +
                   std::to_string(bytes.size()) + " bytes); not a safetensors file or truncated");
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()) + 8, header_size);
  const json header = parse_header(path, text);
  const auto data = bytes.subspan(8 + header_size);

  std::vector<Entry> entries;
  entries.reserve(header.size());
  for (const auto& [key, value] : header.items()) {
    if (key == "__metadata__") {
      file.metadata_ = parse_metadata(path, value);
      continue;
    }
    entries.push_back(parse_entry(path, key, value, data.size()));
  }
  std::vector<const Entry*> pointers;
  for (const auto& e : entries) pointers.push_back(&e);
  check_no_overlap(path, std::move(pointers));

  // nlohmann orders object keys alphabetically; restore the file's order (by offset) so
  // that tensors() lists tensors the way the file stores them.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.begin < b.begin; });
  file.tensors_.reserve(entries.size());
  for (auto& e : entries) {
    e.view.data = data.subspan(e.begin, e.end - e.begin);
    file.index_.emplace(e.view.name, file.tensors_.size());
    file.tensors_.push_back(std::move(e.view));
  }
  return file;
}

const TensorView* SafetensorsFile::find(std::string_view name) const {
  auto it = index_.find(std::string(name));
  return it == index_.end() ? nullptr : &tensors_[it->second];
}

const TensorView& SafetensorsFile::at(std::string_view name) const {
  if (const TensorView* t = find(name)) return *t;
  fail(path(), "no tensor '" + std::string(name) + "'");
}

std::optional<std::string> SafetensorsFile::metadata_value(const std::string& key) const {
  auto it = metadata_.find(key);
  if (it == metadata_.end()) return std::nullopt;
  return it->second;
}

}  // namespace sa3
