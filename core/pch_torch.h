// SPDX-License-Identifier: GPL-3.0-or-later
// The precompiled header shared by every torch target (sa3_torch_target in core/CMakeLists.txt).
// Narrow headers only: ATen, the torch::nn pieces model code uses, and autograd functions for
// gradient checkpointing. Never torch/torch.h (about 20 s per parse here).
#pragma once

#include <ATen/ATen.h>
#include <torch/autograd.h>
#include <torch/nn/functional/activation.h>
#include <torch/nn/functional/linear.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
