// SPDX-License-Identifier: GPL-3.0-or-later
// LoraNetwork: attaching adapters to a module tree and their state dict (spec §6.1–6.3, §6.7).
#include "model/lora/lora_network.h"

#include <algorithm>
#include <cctype>

#include "model/lora/adaptable_conv1d.h"
#include "model/lora/adaptable_linear.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

constexpr const char* kInfix = ".parametrizations.weight.";

}  // namespace

bool split_lora_key(const std::string& key, std::string& module, std::string& kind) {
  const auto pos = key.rfind(kInfix);
  if (pos == std::string::npos || pos == 0) return false;
  const auto rest = key.substr(pos + std::char_traits<char>::length(kInfix));
  const auto dot = rest.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 >= rest.size()) return false;
  if (!std::all_of(rest.begin(), rest.begin() + static_cast<long>(dot),
                   [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return false;
  }
  module = key.substr(0, pos);
  kind = rest.substr(dot + 1);
  return true;
}

LoraNetwork::~LoraNetwork() { detach(); }

int LoraNetwork::attach(torch::nn::Module& root, const std::string& prefix, const Selector& select,
                        at::Generator generator) {
  int count = 0;
  for (const auto& item : root.named_modules(prefix, /*include_self=*/false)) {
    const std::string& name = item.key();
    const auto& module = item.value();
    if (auto linear = std::dynamic_pointer_cast<AdaptableLinearImpl>(module)) {
      if (!select(name)) continue;
      auto adapter = LoraAdapter(options_, linear->weight.detach(), generator, name);
      linear->set_adapter(adapter.ptr());
      hooks_.push_back({[linear] { linear->set_adapter(nullptr); }});
      adapters_.emplace_back(name, adapter);
      ++count;
    } else if (auto conv = std::dynamic_pointer_cast<AdaptableConv1dImpl>(module)) {
      if (!select(name)) continue;
      const auto& w = conv->weight;
      if (w.size(2) != 1) {
        throw_internal(name + ": only k=1 convolutions can carry an adapter (kernel " +
                       std::to_string(w.size(2)) + ")");
      }
      auto adapter = LoraAdapter(options_, w.detach().view({w.size(0), -1}), generator, name);
      conv->set_adapter(adapter.ptr());
      hooks_.push_back({[conv] { conv->set_adapter(nullptr); }});
      adapters_.emplace_back(name, adapter);
      ++count;
    }
  }
  return count;
}

void LoraNetwork::detach() {
  for (auto& hook : hooks_) hook.clear();
  hooks_.clear();
}

std::shared_ptr<LoraAdapterImpl> LoraNetwork::find(const std::string& module_name) const {
  for (const auto& [name, adapter] : adapters_) {
    if (name == module_name) return adapter.ptr();
  }
  return nullptr;
}

std::vector<at::Tensor> LoraNetwork::parameters() const {
  std::vector<at::Tensor> out;
  for (const auto& [name, adapter] : adapters_) {
    for (const auto& p : adapter->parameters()) out.push_back(p);
  }
  return out;
}

int64_t LoraNetwork::parameter_count() const {
  int64_t n = 0;
  for (const auto& p : parameters()) n += p.numel();
  return n;
}

void LoraNetwork::set_strength(double strength) {
  for (auto& [name, adapter] : adapters_) adapter->set_strength(strength);
}

std::vector<std::pair<std::string, at::Tensor>> LoraNetwork::state_dict(bool with_bases) const {
  std::vector<std::pair<std::string, at::Tensor>> out;
  for (const auto& [name, adapter] : adapters_) {
    for (const auto& [kind, t] : adapter->named_tensors()) {
      if (!with_bases && (kind == "U" || kind == "V")) continue;
      out.emplace_back(name + kInfix + "0." + kind, t);
    }
  }
  return out;
}

std::vector<std::string> LoraNetwork::load_state_dict(
    const std::vector<std::pair<std::string, at::Tensor>>& tensors) {
  std::vector<std::string> unused;
  for (const auto& [key, value] : tensors) {
    std::string module, kind;
    const auto adapter = split_lora_key(key, module, kind) ? find(module) : nullptr;
    if (!adapter) {
      unused.push_back(key);
      continue;
    }
    adapter->load_tensor(kind, value, key);
  }
  return unused;
}

}  // namespace sa3
