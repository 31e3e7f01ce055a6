// SPDX-License-Identifier: GPL-3.0-or-later
// LoraNetwork: the adapters of one LoRA attached to a model, keyed by upstream module names.
//
// Port of stable_audio_3/models/lora/model.py: add_lora (walk the modules, adapt every Linear
// and Conv1d whose name passes include/exclude) and utils.py: get_lora_state_dict (keys
// `<module>.parametrizations.weight.0.<kind>`). Model code declares its targetable layers as
// AdaptableLinear/AdaptableConv1d; attach() finds them by walking named_modules().
//
// Lifecycle: attach() once per module tree (DiT wrapper with prefix "model", conditioner with
//   prefix "conditioners"...), after the base weights are loaded and cast; detach() or the
//   destructor removes the hooks, leaving the model as it was.
// Ownership: the network owns its adapters; the model's layers hold shared references.
// Threading: not thread-safe; one trainer or sampler drives it.
// Errors: sa3::Error (InvalidInput) naming the module or file key.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Generator.h>
#include <torch/nn/module.h>

#include "model/lora/lora_adapter.h"

namespace sa3 {

class LoraNetwork {
 public:
  using Selector = std::function<bool(const std::string& module_name)>;

  explicit LoraNetwork(LoraAdapterOptions options) : options_(options) {}
  ~LoraNetwork();
  LoraNetwork(const LoraNetwork&) = delete;
  LoraNetwork& operator=(const LoraNetwork&) = delete;

  // Adapts every AdaptableLinear/AdaptableConv1d below `root` whose name `prefix.<path>` passes
  // `select`, in named_modules() order, drawing A's init from `generator`. Returns how many.
  int attach(torch::nn::Module& root, const std::string& prefix, const Selector& select,
             at::Generator generator);
  void detach();

  const LoraAdapterOptions& options() const { return options_; }
  // Adapted module names with their adapters, in attach order.
  const std::vector<std::pair<std::string, LoraAdapter>>& adapters() const { return adapters_; }
  // The adapter of `module_name`, or null.
  std::shared_ptr<LoraAdapterImpl> find(const std::string& module_name) const;
  // Trainable tensors (fp32), in a fixed order (attach order, then kind order).
  std::vector<at::Tensor> parameters() const;
  int64_t parameter_count() const;
  void set_strength(double strength);

  // `<module>.parametrizations.weight.0.<kind>` → tensor; U/V of -xs types only when `with_bases`.
  std::vector<std::pair<std::string, at::Tensor>> state_dict(bool with_bases) const;
  // Loads tensors keyed as in state_dict() (any parametrization index); keys of modules this
  // network did not adapt are returned, shape mismatches throw naming the key.
  std::vector<std::string> load_state_dict(const std::vector<std::pair<std::string, at::Tensor>>& tensors);

 private:
  struct Hook {
    std::function<void()> clear;
  };
  LoraAdapterOptions options_;
  std::vector<std::pair<std::string, LoraAdapter>> adapters_;
  std::vector<Hook> hooks_;
};

// Splits "<module>.parametrizations.weight.<i>.<kind>" into module and kind; false otherwise.
bool split_lora_key(const std::string& key, std::string& module, std::string& kind);

}  // namespace sa3
