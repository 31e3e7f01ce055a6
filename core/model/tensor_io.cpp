// SPDX-License-Identifier: GPL-3.0-or-later
// Bridge between sa3_io's safetensors views and ATen tensors.
#include "model/tensor_io.h"

#include <ATen/ATen.h>

#include "io/safetensors_writer.h"
#include "sa3/error.h"

namespace sa3 {

at::ScalarType to_scalar_type(DType dtype) {
  switch (dtype) {
    case DType::BOOL: return at::kBool;
    case DType::U8: return at::kByte;
    case DType::I8: return at::kChar;
    case DType::I16: return at::kShort;
    case DType::I32: return at::kInt;
    case DType::I64: return at::kLong;
    case DType::F16: return at::kHalf;
    case DType::BF16: return at::kBFloat16;
    case DType::F32: return at::kFloat;
    case DType::F64: return at::kDouble;
    case DType::U16:
    case DType::U32:
    case DType::U64: break;
  }
  throw_invalid(std::string("safetensors dtype ") + std::string(dtype_name(dtype)) +
                " has no ATen equivalent");
}

DType to_safetensors_dtype(at::ScalarType type) {
  switch (type) {
    case at::kBool: return DType::BOOL;
    case at::kByte: return DType::U8;
    case at::kChar: return DType::I8;
    case at::kShort: return DType::I16;
    case at::kInt: return DType::I32;
    case at::kLong: return DType::I64;
    case at::kHalf: return DType::F16;
    case at::kBFloat16: return DType::BF16;
    case at::kFloat: return DType::F32;
    case at::kDouble: return DType::F64;
    default: break;
  }
  throw_invalid(std::string("tensors of type ") + c10::toString(type) +
                " cannot be stored in safetensors");
}

at::Tensor tensor_view(const SafetensorsFile& file, const TensorView& tensor) {
  at::ScalarType type;
  try {
    type = to_scalar_type(tensor.dtype);
  } catch (const Error& e) {
    throw_invalid(file.path().string() + ": tensor '" + tensor.name + "': " + e.what());
  }
  const auto options = at::TensorOptions().dtype(type);
  if (tensor.numel() == 0) return at::empty(tensor.shape, options);
  auto* data = const_cast<std::byte*>(tensor.data.data());
  const std::size_t elem = dtype_size(tensor.dtype);
  if (reinterpret_cast<std::uintptr_t>(data) % elem != 0) {
    at::Tensor copy = at::empty(tensor.shape, options);
    std::memcpy(copy.data_ptr(), data, tensor.data.size());
    return copy;
  }
  auto keep_alive = file.mapping();
  return at::from_blob(data, tensor.shape, [keep_alive](void*) {}, options);
}

at::Tensor load_tensor(const SafetensorsFile& file, std::string_view key,
                       std::optional<at::ScalarType> dtype) {
  at::Tensor t = tensor_view(file, file.at(key));
  if (dtype && t.scalar_type() != *dtype) return t.to(*dtype);
  return t;
}

namespace {

// Keeps contiguous CPU copies alive while their bytes are referenced.
struct PreparedTensors {
  std::vector<at::Tensor> storage;
  std::vector<TensorBytes> bytes;
};

PreparedTensors prepare(const NamedTensors& tensors) {
  PreparedTensors out;
  out.storage.reserve(tensors.size());
  for (const auto& [name, tensor] : tensors) {
    if (!tensor.defined()) throw_invalid("safetensors: tensor '" + name + "' is undefined");
    const DType dtype = to_safetensors_dtype(tensor.scalar_type());
    at::Tensor cpu = tensor.device().is_cpu() ? tensor.contiguous() : tensor.to(at::kCPU).contiguous();
    out.storage.push_back(cpu);
    const auto* data = static_cast<const std::byte*>(cpu.data_ptr());
    out.bytes.push_back({name, dtype, cpu.sizes().vec(),
                         std::span<const std::byte>(data, cpu.numel() * cpu.element_size())});
  }
  return out;
}

}  // namespace

void save_tensors(const std::filesystem::path& path, const NamedTensors& tensors,
                  const SafetensorsMetadata& metadata) {
  const PreparedTensors prepared = prepare(tensors);
  write_safetensors(path, prepared.bytes, metadata);
}

std::string serialize_tensors(const NamedTensors& tensors, const SafetensorsMetadata& metadata) {
  const PreparedTensors prepared = prepare(tensors);
  return serialize_safetensors(prepared.bytes, metadata);
}

}  // namespace sa3
