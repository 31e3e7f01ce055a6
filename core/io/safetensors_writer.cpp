// SPDX-License-Identifier: GPL-3.0-or-later
// safetensors serialisation in the reference library's byte layout.
#include "io/safetensors_writer.h"

#include <algorithm>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "io/streamed_atomic_file.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

using nlohmann::json;

std::vector<const TensorBytes*> validated_order(const std::vector<TensorBytes>& tensors) {
  std::set<std::string_view> names;
  std::vector<const TensorBytes*> order;
  for (const auto& t : tensors) {
    if (t.name.empty()) throw_invalid("safetensors: a tensor has an empty name");
    if (t.name == "__metadata__") throw_invalid("safetensors: '__metadata__' is not a tensor name");
    if (!names.insert(t.name).second) throw_invalid("safetensors: tensor '" + t.name + "' given twice");
    std::uint64_t numel = 1;
    for (auto d : t.shape) {
      if (d < 0) throw_invalid("safetensors: tensor '" + t.name + "' has a negative dimension");
      numel *= static_cast<std::uint64_t>(d);
    }
    if (numel * dtype_size(t.dtype) != t.data.size())
      throw_invalid("safetensors: tensor '" + t.name + "' needs " +
                    std::to_string(numel * dtype_size(t.dtype)) + " bytes for its shape, got " +
                    std::to_string(t.data.size()));
    order.push_back(&t);
  }
  // The library's layout: larger dtypes first (in its enum order), then by name.
  std::sort(order.begin(), order.end(), [](const TensorBytes* a, const TensorBytes* b) {
    if (a->dtype != b->dtype) return a->dtype > b->dtype;
    return a->name < b->name;
  });
  return order;
}

std::string header_for(const std::vector<const TensorBytes*>& order,
                       const SafetensorsMetadata& metadata) try {
  // Built by hand because nlohmann sorts object keys and the layout fixes their order.
  std::string header = "{";
  bool first = true;
  if (!metadata.empty()) {
    header += "\"__metadata__\":" + json(metadata).dump();
    first = false;
  }
  std::uint64_t offset = 0;
  for (const TensorBytes* t : order) {
    if (!first) header += ',';
    first = false;
    header += json(t->name).dump();
    header += ":{\"dtype\":\"";
    header += dtype_name(t->dtype);
    header += "\",\"shape\":" + json(t->shape).dump();
    header += ",\"data_offsets\":[" + std::to_string(offset) + ",";
    offset += t->data.size();
    header += std::to_string(offset) + "]}";
  }
  header += '}';
  header.append((8 - header.size() % 8) % 8, ' ');
  return header;
} catch (const json::exception&) {
  throw_invalid("safetensors: a tensor name or metadata string is not valid UTF-8");
}

std::string length_prefix(std::uint64_t n) {
  std::string bytes(8, '\0');
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((n >> (8 * i)) & 0xff);
  return bytes;
}

std::string_view as_chars(std::span<const std::byte> data) {
  return {reinterpret_cast<const char*>(data.data()), data.size()};
}

}  // namespace

std::string serialize_safetensors(const std::vector<TensorBytes>& tensors,
                                  const SafetensorsMetadata& metadata) {
  const auto order = validated_order(tensors);
  const std::string header = header_for(order, metadata);
  std::string out = length_prefix(header.size()) + header;
  for (const TensorBytes* t : order) out += as_chars(t->data);
  return out;
}

void write_safetensors(const std::filesystem::path& path, const std::vector<TensorBytes>& tensors,
                       const SafetensorsMetadata& metadata) {
  const auto order = validated_order(tensors);
  const std::string header = header_for(order, metadata);
  StreamedAtomicFile file(path);
  file.write(length_prefix(header.size()));
  file.write(header);
  for (const TensorBytes* t : order) file.write(as_chars(t->data));
  file.commit();
}

}  // namespace sa3
