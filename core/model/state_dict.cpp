// SPDX-License-Identifier: GPL-3.0-or-later
// Module <-> safetensors state-dict mapping with shape checks.
#include "model/state_dict.h"

#include <ATen/ATen.h>
#include <c10/util/irange.h>
#include <torch/csrc/autograd/grad_mode.h>

#include <set>

#include "sa3/error.h"

namespace sa3 {

std::string shape_string(at::IntArrayRef shape) {
  std::string s = "[";
  for (const auto i : c10::irange(shape.size())) {
    if (i) s += ',';
    s += std::to_string(shape[i]);
  }
  return s + "]";
}

std::vector<std::string> load_state_dict(torch::nn::Module& module, const SafetensorsFile& file,
                                         const std::string& prefix) {
  torch::NoGradGuard no_grad;
  std::set<std::string> used;
  auto load_one = [&](const std::string& name, at::Tensor& target) {
    const std::string key = prefix + name;
    const TensorView* view = file.find(key);
    if (!view)
      throw_invalid(file.path().string() + ": no tensor '" + key + "' (the model expects shape " +
                    shape_string(target.sizes()) + "); is this a checkpoint of the right model?");
    if (at::IntArrayRef(view->shape) != target.sizes())
      throw_invalid(file.path().string() + ": tensor '" + key + "' has shape " +
                    shape_string(view->shape) + ", the model expects " +
                    shape_string(target.sizes()));
    target.copy_(tensor_view(file, *view));
    used.insert(key);
  };
  for (auto& item : module.named_parameters(/*recurse=*/true)) load_one(item.key(), item.value());
  for (auto& item : module.named_buffers(/*recurse=*/true)) load_one(item.key(), item.value());

  std::vector<std::string> unused;
  for (const auto& t : file.tensors())
    if (t.name.rfind(prefix, 0) == 0 && !used.count(t.name)) unused.push_back(t.name);
  return unused;
}

NamedTensors state_dict_tensors(const torch::nn::Module& module, const std::string& prefix) {
  NamedTensors out;
  for (const auto& item : module.named_parameters(true)) out.emplace_back(prefix + item.key(), item.value());
  for (const auto& item : module.named_buffers(true)) out.emplace_back(prefix + item.key(), item.value());
  return out;
}

}  // namespace sa3
