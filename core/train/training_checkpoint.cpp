// SPDX-License-Identifier: GPL-3.0-or-later
// Checkpoint folders: adapter tensors plus the optimizer/RNG/data state, state file last.
#include "train/training_checkpoint.h"

#include <cstring>

#include <ATen/ATen.h>

#include "io/safetensors_reader.h"
#include "model/lora/lora_file.h"
#include "model/tensor_io.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

constexpr const char* kAdapterFile = "adapter.safetensors";
constexpr const char* kStateFile = "state.safetensors";
constexpr const char* kFormat = "sa3studio-training-state-1";

at::Tensor bytes_tensor(const std::vector<uint8_t>& bytes) {
  auto t = at::empty({static_cast<int64_t>(bytes.size())}, at::kByte);
  if (!bytes.empty()) std::memcpy(t.data_ptr(), bytes.data(), bytes.size());
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

  NamedTensors adapter;
  for (const auto& [key, t] : network.state_dict(/*with_bases=*/true)) adapter.emplace_back(key, t.detach().cpu());
  save_tensors(dir / kAdapterFile, adapter, {{"lora_config", lora_config_to_json(config)}});

  NamedTensors tensors;
  for (size_t i = 0; i < state.moments.size(); ++i) tensors.emplace_back(moment_key(i), state.moments[i].detach().cpu());
  tensors.emplace_back("rng_state", bytes_tensor(state.rng_state));
  tensors.emplace_back("data_order", at::tensor(state.data_order, at::kLong));
  char loss[64];
  std::snprintf(loss, sizeof loss, "%.17g", state.last_loss);
  save_tensors(dir / kStateFile, tensors,
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
    for (size_t i = 0; i < count; ++i) s.moments.push_back(load_tensor(file, moment_key(i)).clone());
  } catch (const std::logic_error& e) {
    throw_invalid(state_path.string() + ": malformed metadata (" + e.what() + ")");
  }
  s.settings = meta("settings");
  const auto rng = load_tensor(file, "rng_state").contiguous();
  s.rng_state.assign(rng.data_ptr<uint8_t>(), rng.data_ptr<uint8_t>() + rng.numel());
  const auto order = load_tensor(file, "data_order").contiguous();
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
