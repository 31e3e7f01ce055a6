// SPDX-License-Identifier: GPL-3.0-or-later
// AdamW over the adapter parameters (spec §6.5: betas 0.9/0.95, weight decay 0.01 on every
// adapter tensor, eps 1e-8, no schedule, no clipping), as torch.optim.AdamW computes it.
//
// Ownership: borrows the parameter tensors (fp32 leaves); owns the moments. The moments and
// the step count are exposed so checkpoints can save and restore them exactly.
#pragma once

#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>

namespace sa3 {

struct AdamWOptions {
  double lr = 1e-4;
  double beta1 = 0.9;
  double beta2 = 0.95;
  double weight_decay = 0.01;
  double eps = 1e-8;
};

class AdamW {
 public:
  AdamW(std::vector<at::Tensor> parameters, AdamWOptions options);

  // One update from the parameters' .grad (a parameter without grad is skipped, as in torch).
  void step();
  void zero_grad();

  int64_t step_count() const { return step_; }
  const AdamWOptions& options() const { return options_; }
  // exp_avg then exp_avg_sq per parameter, in parameter order.
  std::vector<at::Tensor> state() const;
  // Restores moments and step count; throws InvalidInput naming the slot on a shape mismatch.
  void load_state(const std::vector<at::Tensor>& moments, int64_t step);

 private:
  std::vector<at::Tensor> params_;
  std::vector<at::Tensor> exp_avg_;
  std::vector<at::Tensor> exp_avg_sq_;
  AdamWOptions options_;
  int64_t step_ = 0;
};

}  // namespace sa3
