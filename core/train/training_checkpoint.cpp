// SPDX-License-Identifier: GPL-3.0-or-later
// Checkpoint folders: adapter tensors plus the optimizer/RNG/data state, state file last.
#include "train/training_checkpoint.h"

#include <cstring>

#include <ATen/ATen.h>

#include "io/safetensors_reader.h"
#include "model/lora/lora_file.h"
#include "io/safetensors_writer.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

constexpr const char* kAdapterFile = "adapter.safetensors";
constexpr const char* kStateFile = "state.safetensors";
constexpr const char* kFormat = "sa3studio-training-state-1";

TensorBytes bytes_of(const std::string& name, const at::Tensor& t, DType dtype) {
  return {name, dtype, std::vector<std::int64_t>(t.sizes().begin(), t.sizes().end()),
          {static_cast<const std::byte*>(t.data_ptr()), t.nbytes()}};
}

// A copy of a stored tensor whose dtype the state file fixes (F32 moments, U8, I64).
at::Tensor read_tensor(const SafetensorsFile& file, const std::string& key, DType dtype, at::ScalarType type) {
  const auto& view = file.at(key);
  if (view.dtype != dtype) {
    throw_invalid(file.path().string() + ": " + key + " has dtype " + std::string(dtype_name(view.dtype)) +
                  " (expected " + std::string(dtype_name(dtype)) + ")");
  }
  auto t = at::empty(view.shape, at::TensorOptions().dtype(type));
  if (t.nbytes() > 0) std::memcpy(t.data_ptr(), view.data.data(), view.data.size());
  return t;
}

std::string moment_key(size_t i) { return "optimizer.moment." + std::to_string(i); }

}  // namespace

bool checkpoint_complete(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(dir / kStateFile, ec);
}

void save_training_checkpoint(const std::filesystem::path& dir, const LoraNetwork& network,
                              const LoraConfig& config, const TrainingState& state) {
  if (checkpoint_complete(dir)) {
    throw_internal(dir.string() + ": refusing to overwrite a complete checkpoint");
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw_environment(dir.string() + ": cannot create the checkpoint folder (" + ec.message() + ")");

  std::vector<at::Tensor> keep;  // owns the CPU copies while their bytes are written
  std::vector<TensorBytes> adapter;
  for (const auto& [key, t] : network.state_dict(/*with_bases=*/true)) {
    keep.push_back(t.detach().to(at::kCPU, at::kFloat).contiguous());
    adapter.push_back(bytes_of(key, keep.back(), DType::F32));
  }
  write_safetensors(dir / kAdapterFile, adapter, {{"lora_config", lora_config_to_json(config)}});

  std::vector<TensorBytes> tensors;
  for (size_t i = 0; i < state.moments.size(); ++i) {
    keep.push_back(state.moments[i].detach().to(at::kCPU, at::kFloat).contiguous());
    tensors.push_back(bytes_of(moment_key(i), keep.back(), DType::F32));
  }
  keep.push_back(at::from_blob(const_cast<uint8_t*>(state.rng_state.data()),
                               {static_cast<int64_t>(state.rng_state.size())}, at::kByte).clone());
  tensors.push_back(bytes_of("rng_state", keep.back(), DType::U8));
  keep.push_back(at::tensor(state.data_order, at::kLong));
  tensors.push_back(bytes_of("data_order", keep.back(), DType::I64));
  char loss[64];
  std::snprintf(loss, sizeof loss, "%.17g", state.last_loss);
  write_safetensors(dir / kStateFile, tensors,
               {{"format", kFormat},
                {"step", std::to_string(state.step)},
                {"data_cursor", std::to_string(state.data_cursor)},
                {"moments", std::to_string(state.moments.size())},
                {"last_loss", loss},
                {"settings", state.settings}});
}

TrainingState load_training_checkpoint(const std::filesystem::path& dir, LoraNetwork& network) {
  const auto state_path = dir / kStateFile;
  if (!checkpoint_complete(dir)) throw_invalid(dir.string() + ": incomplete checkpoint (no " + kStateFile + ")");
  const auto file = SafetensorsFile::open(state_path);
  const auto meta = [&](const std::string& key) {
    const auto v = file.metadata_value(key);
    if (!v) throw_invalid(state_path.string() + ": missing metadata '" + key + "'");
    return *v;
  };
  if (meta("format") != kFormat) throw_invalid(state_path.string() + ": unknown state format '" + meta("format") + "'");
  TrainingState s;
  try {
    s.step = std::stoll(meta("step"));
    s.data_cursor = std::stoll(meta("data_cursor"));
    s.last_loss = std::stod(meta("last_loss"));
    const auto count = std::stoul(meta("moments"));
    for (size_t i = 0; i < count; ++i) {
      s.moments.push_back(read_tensor(file, moment_key(i), DType::F32, at::kFloat));
    }
  } catch (const std::logic_error& e) {
    throw_invalid(state_path.string() + ": malformed metadata (" + e.what() + ")");
  }
  s.settings = meta("settings");
  const auto rng = read_tensor(file, "rng_state", DType::U8, at::kByte);
  s.rng_state.assign(rng.data_ptr<uint8_t>(), rng.data_ptr<uint8_t>() + rng.numel());
  const auto order = read_tensor(file, "data_order", DType::I64, at::kLong);
  s.data_order.assign(order.data_ptr<int64_t>(), order.data_ptr<int64_t>() + order.numel());

  const auto adapter = read_lora_file(dir / kAdapterFile);
  const auto unused = network.load_state_dict(adapter.tensors);
  if (!unused.empty()) {
    throw_invalid((dir / kAdapterFile).string() + ": tensor " + unused.front() +
                  " belongs to no adapted module of this run");
  }
  return s;
}

}  // namespace sa3
