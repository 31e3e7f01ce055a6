// SPDX-License-Identifier: GPL-3.0-or-later
// Loading and collecting a torch::nn::Module's parameters and buffers under upstream's
// state-dict keys (module names equal key segments, so key = prefix + module path).
//
// Errors: sa3::Error (InvalidInput) naming the file, the key and, for shape mismatches,
//   both shapes: "model.safetensors: tensor 'model.model.x.weight' has shape [3,4], the
//   model expects [4,4]". Threading: not while the module runs.
#pragma once

#include <torch/nn/module.h>

#include <string>
#include <vector>

#include "io/safetensors_reader.h"
#include "model/tensor_io.h"

namespace sa3 {

// Copies every parameter and buffer of `module` from `file` (key = prefix + name), converting
// to each parameter's dtype and device. Returns the file's keys under `prefix` the module
// has no parameter or buffer for (the caller decides whether they matter).
std::vector<std::string> load_state_dict(torch::nn::Module& module, const SafetensorsFile& file,
                                         const std::string& prefix);

// Parameters then buffers of `module`, keyed prefix + name, in registration order.
NamedTensors state_dict_tensors(const torch::nn::Module& module, const std::string& prefix);

// "[3,4]"
std::string shape_string(at::IntArrayRef shape);

}  // namespace sa3
