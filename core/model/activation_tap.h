// SPDX-License-Identifier: GPL-3.0-or-later
// Named intermediates: model forwards report activations to an optional tap keyed by the
// upstream module path relative to the reporting model ("transformer.layers.3"), so a parity
// test can localise a mismatch to one layer. Prefix the checkpoint prefix for full keys
// ("model.model." + path for the DiT).
#pragma once

#include <ATen/core/Tensor.h>

#include <functional>
#include <string>

namespace sa3 {

using ActivationTap = std::function<void(const std::string& path, const at::Tensor& value)>;

// Reports when a tap is set; costs nothing otherwise.
inline void report(const ActivationTap* tap, const std::string& path, const at::Tensor& value) {
  if (tap && *tap) (*tap)(path, value);
}

}  // namespace sa3
