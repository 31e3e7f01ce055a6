// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingExample: one encoded clip as the trainer consumes it (SAME latents of the whole
// source, its caption's prompt embedding, and seconds_total = the full source length).
#pragma once

#include <string>

#include <ATen/core/Tensor.h>

namespace sa3 {

struct TrainingExample {
  std::string id;         // the clip's path relative to the dataset, for messages
  at::Tensor latents;     // [C, T_full] fp32
  at::Tensor prompt;      // [L, D] fp32 or model dtype
  double seconds_total = 0;
};

}  // namespace sa3
