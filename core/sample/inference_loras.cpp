// SPDX-License-Identifier: GPL-3.0-or-later
// InferenceLoras: parse LoRA files into adapters bound to the model's layers, then rewrite the
// adapted weights whenever the set of active LoRAs changes.
#include "sample/inference_loras.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/grad_mode.h>

#include "model/lora/adaptable_conv1d.h"
#include "model/lora/adaptable_linear.h"
#include "model/lora/adapter_type.h"
#include "model/lora/lora_adapter.h"
#include "model/lora/lora_file.h"
#include "model/lora/lora_network.h"
#include "sa3/error.h"

namespace sa3 {

struct InferenceLoras::Layer {
  at::Tensor weight;  // the layer's parameter, written in place
  bool gated = false;
  bool modified = false;
};

struct InferenceLoras::Loaded {
  std::filesystem::path path;
  std::map<std::string, LoraAdapter> adapters;  // by module name
};

namespace {

// Upstream (lora/utils.py: resolve_adapter_type) resolves the legacy "dora" from the first
// magnitude's 2-D shape: (1, in) means columns; anything else means rows.
AdapterType resolve_type(const LoraFile& file, const std::filesystem::path& path) {
  const AdapterType declared = parse_adapter_type(file.config.adapter_type, path.string() + ": adapter_type");
  if (file.config.adapter_type != "dora") return declared;
  for (const auto& [key, value] : file.tensors) {
    if (!key.ends_with(".magnitude")) continue;
    return value.dim() == 2 && value.size(0) == 1 && value.size(1) != 1 ? AdapterType::DoraCols
                                                                          : AdapterType::DoraRows;
  }
  return AdapterType::DoraRows;
}

}  // namespace

InferenceLoras::InferenceLoras(std::vector<Root> roots, BaseWeightFn base_weight)
    : roots_(std::move(roots)), base_weight_(std::move(base_weight)) {
  for (const Root& root : roots_) {
    for (const auto& item : root.module->named_modules(root.prefix, /*include_self=*/false)) {
      at::Tensor weight;
      if (auto linear = std::dynamic_pointer_cast<AdaptableLinearImpl>(item.value())) {
        weight = linear->weight;
      } else if (auto conv = std::dynamic_pointer_cast<AdaptableConv1dImpl>(item.value())) {
        weight = conv->weight;
      } else {
        continue;
      }
      auto layer = std::make_unique<Layer>();
      layer->weight = weight;
      layer->gated = root.gated;
      layers_.emplace(item.key(), std::move(layer));
    }
  }
}

InferenceLoras::~InferenceLoras() = default;

InferenceLoras::Layer& InferenceLoras::layer(const std::string& module_name) {
  const auto it = layers_.find(module_name);
  if (it == layers_.end()) throw_internal("InferenceLoras: no layer " + module_name);
  return *it->second;
}

InferenceLoras::Loaded& InferenceLoras::load(const std::filesystem::path& path) {
  if (const auto it = cache_.find(path); it != cache_.end()) return *it->second;
  const LoraFile file = read_lora_file(path);
  LoraAdapterOptions options;
  options.type = resolve_type(file, path);
  options.rank = file.config.rank;
  options.alpha = file.config.alpha;
  if (options.rank < 1) throw_invalid(path.string() + ": lora_config.rank must be at least 1");

  auto loaded = std::make_unique<Loaded>();
  loaded->path = path;
  // A's random init is overwritten by the file; a fixed seed keeps loading deterministic.
  at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(0);
  at::NoGradGuard no_grad;
  for (const auto& [key, value] : file.tensors) {
    std::string module, kind;
    if (!split_lora_key(key, module, kind)) {
      throw_invalid(path.string() + ": tensor '" + key + "' is not a LoRA key (<module>.parametrizations.weight.<i>.<kind>)");
    }
    auto adapter_it = loaded->adapters.find(module);
    if (adapter_it == loaded->adapters.end()) {
      if (!layers_.count(module)) {
        throw_invalid(path.string() + ": '" + key + "' adapts module '" + module +
                      "', which this model does not have; the LoRA was made for another model");
      }
      const Layer& target = layer(module);
      const at::Tensor base = base_weight_(module).to(target.weight.device(), at::kFloat);
      const at::Tensor base_2d = base.reshape({base.size(0), -1});
      adapter_it = loaded->adapters.emplace(module, LoraAdapter(options, base_2d, generator, module)).first;
      adapter_it->second->to(target.weight.device());
    }
    adapter_it->second->load_tensor(kind, value.to(layer(module).weight.device()), path.string() + ": " + key);
  }
  return *cache_.emplace(path, std::move(loaded)).first->second;
}

void InferenceLoras::select(const std::vector<LoraUse>& uses) {
  std::vector<std::pair<Loaded*, LoraUse>> selected;
  for (const LoraUse& use : uses) {
    if (!(use.interval_low <= use.interval_high)) {
      throw_invalid(use.path.string() + ": the LoRA's sigma interval must satisfy low <= high");
    }
    selected.emplace_back(&load(use.path), use);
  }
  selected_ = std::move(selected);
  applied_.clear();
  weights_dirty_ = true;
}

void InferenceLoras::apply_for_timestep(double t) {
  std::vector<bool> active;
  for (const auto& [loaded, use] : selected_) {
    active.push_back(use.strength != 0.0 && use.interval_low <= t && t <= use.interval_high);
  }
  if (!weights_dirty_ && active == applied_) return;
  write_weights(active);
  applied_ = std::move(active);
  weights_dirty_ = false;
}

void InferenceLoras::restore() {
  selected_.clear();
  write_weights({});
  applied_.clear();
  weights_dirty_ = false;
}

void InferenceLoras::write_weights(const std::vector<bool>& gated_active) {
  at::NoGradGuard no_grad;
  for (auto& [name, layer] : layers_) {
    std::vector<std::pair<LoraAdapterImpl*, double>> chain;
    for (size_t i = 0; i < selected_.size(); ++i) {
      const auto& [loaded, use] = selected_[i];
      const bool on = layer->gated ? (i < gated_active.size() && gated_active[i]) : use.strength != 0.0;
      const auto adapter = loaded->adapters.find(name);
      if (on && adapter != loaded->adapters.end()) chain.emplace_back(adapter->second.get(), use.strength);
    }
    if (chain.empty() && !layer->modified) continue;
    at::Tensor w = base_weight_(name).to(layer->weight.device(), at::kFloat);
    w = w.reshape({w.size(0), -1});
    for (const auto& [adapter, strength] : chain) {
      adapter->set_strength(strength);
      w = adapter->effective_weight(w);
    }
    layer->weight.copy_(w.view(layer->weight.sizes()));
    layer->modified = !chain.empty();
  }
}

}  // namespace sa3
