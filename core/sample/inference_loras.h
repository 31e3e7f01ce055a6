// SPDX-License-Identifier: GPL-3.0-or-later
// InferenceLoras: one or several LoRA files applied to a loaded model for rendering, by writing
// the effective weights into the layers (upstream models/lora/loader.py + utils.py:
// merge_loras_into_base_model; spec §6.8).
//
// Merging costs one pass over the adapted weights whenever the set of active LoRAs changes and
// nothing per forward, so a LoRA at a fixed strength over the whole schedule renders as fast as
// the base model. A sigma interval switches a LoRA on or off at the step where t enters or
// leaves it (upstream gates the DiT's LoRAs per step on t[0]; the conditioner's LoRA is not
// gated, as upstream's gate lives in the DiT's forward). Stacked LoRAs compose in order,
// W ← f_n(…f_0(W0)), as upstream's ParametrizationList does.
// Deliberate deviation: -xs bases missing from a file are recomputed by SVD of W0 for every
// LoRA of a stack, where upstream uses the weight as already parametrized by the earlier LoRAs.
//
// Ownership: borrows the module roots, which must outlive it; caches parsed LoRA files by path.
// Threading: not thread-safe; drive it from the rendering thread.
// Errors: sa3::Error (InvalidInput) naming the LoRA file and the module or tensor key.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>

#include "sa3/generate.h"

namespace sa3 {

class InferenceLoras {
 public:
  // A module tree and the prefix LoRA files use for it: {"model", dit} (upstream's DiTWrapper
  // names) and {"conditioners.seconds_total", number_conditioner}. `gated` trees follow the
  // LoRA's sigma interval; others only its strength.
  struct Root {
    std::string prefix;
    torch::nn::Module* module;
    bool gated;
  };
  // The pristine weight of an adapted layer, by LoRA module name (e.g. read from the model
  // checkpoint, which is memory-mapped, so no second copy of the model is kept).
  using BaseWeightFn = std::function<at::Tensor(const std::string& module_name)>;

  InferenceLoras(std::vector<Root> roots, BaseWeightFn base_weight);
  ~InferenceLoras();
  InferenceLoras(const InferenceLoras&) = delete;
  InferenceLoras& operator=(const InferenceLoras&) = delete;

  // Selects the LoRAs of the next render (in order). Files are read once and cached; a module
  // the model lacks or a tensor of the wrong shape throws naming both. Weights change only in
  // apply_for_timestep().
  void select(const std::vector<LoraUse>& uses);
  // Brings the weights to "selected LoRAs active at timestep t" (t = 1 is noise); no work when
  // the active set is unchanged since the last call.
  void apply_for_timestep(double t);
  // Restores every layer this object changed to its base weight.
  void restore();

 private:
  struct Loaded;
  struct Layer;
  Loaded& load(const std::filesystem::path& path);
  Layer& layer(const std::string& module_name);
  void write_weights(const std::vector<bool>& active);

  std::vector<Root> roots_;
  BaseWeightFn base_weight_;
  std::map<std::filesystem::path, std::unique_ptr<Loaded>> cache_;
  std::map<std::string, std::unique_ptr<Layer>> layers_;
  std::vector<std::pair<Loaded*, LoraUse>> selected_;
  std::vector<bool> applied_;  // per selected LoRA: active on the gated trees as last written
  bool weights_dirty_ = false;
};

}  // namespace sa3
