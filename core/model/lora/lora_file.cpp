// SPDX-License-Identifier: GPL-3.0-or-later
// LoRA safetensors files (models/lora/utils.py: save_lora_safetensors, load_lora_checkpoint).
#include "model/lora/lora_file.h"

#include <cstring>

#include <ATen/ATen.h>

#include "io/safetensors_reader.h"
#include "io/safetensors_writer.h"
#include "model/lora/lora_network.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

constexpr const char* kConfigKey = "lora_config";

std::vector<at::Tensor> as_fp16(const NamedTensors& tensors) {
  std::vector<at::Tensor> out;
  out.reserve(tensors.size());
  for (const auto& [name, t] : tensors) {
    out.push_back(t.detach().to(at::kCPU, at::kHalf).contiguous());
  }
  return out;
}

std::vector<TensorBytes> as_bytes(const NamedTensors& tensors, const std::vector<at::Tensor>& fp16) {
  std::vector<TensorBytes> out;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const auto& t = fp16[i];
    out.push_back({tensors[i].first, DType::F16,
                   std::vector<std::int64_t>(t.sizes().begin(), t.sizes().end()),
                   {static_cast<const std::byte*>(t.data_ptr()), t.nbytes()}});
  }
  return out;
}

at::ScalarType scalar_type_of(const TensorView& view, const std::filesystem::path& path) {
  switch (view.dtype) {
    case DType::F16: return at::kHalf;
    case DType::BF16: return at::kBFloat16;
    case DType::F32: return at::kFloat;
    case DType::F64: return at::kDouble;
    default:
      throw_invalid(path.string() + ": " + view.name + ": a LoRA tensor must be floating point (got " +
                    std::string(dtype_name(view.dtype)) + ")");
  }
}

}  // namespace

std::string serialize_lora_file(const NamedTensors& tensors, const LoraConfig& config) {
  const auto fp16 = as_fp16(tensors);
  return serialize_safetensors(as_bytes(tensors, fp16), {{kConfigKey, lora_config_to_json(config)}});
}

void write_lora_file(const std::filesystem::path& path, const NamedTensors& tensors,
                     const LoraConfig& config) {
  const auto fp16 = as_fp16(tensors);
  write_safetensors(path, as_bytes(tensors, fp16), {{kConfigKey, lora_config_to_json(config)}});
}

LoraFile read_lora_file(const std::filesystem::path& path) {
  const auto file = SafetensorsFile::open(path);
  const auto text = file.metadata_value(kConfigKey);
  if (!text) {
    throw_invalid(path.string() + ": not a LoRA file (no lora_config in the safetensors metadata)");
  }
  LoraFile out;
  out.config = lora_config_from_json(*text, path.string());
  for (const auto& view : file.tensors()) {
    std::string module, kind;
    if (!split_lora_key(view.name, module, kind)) {
      throw_invalid(path.string() + ": " + view.name +
                    ": not a LoRA key (expected <module>.parametrizations.weight.<i>.<kind>)");
    }
    const auto type = scalar_type_of(view, path);
    auto t = at::empty(view.shape, at::TensorOptions().dtype(type));
    std::memcpy(t.data_ptr(), view.data.data(), view.data.size());
    out.tensors.emplace_back(view.name, t.to(at::kFloat));
  }
  return out;
}

}  // namespace sa3
