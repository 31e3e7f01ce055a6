// SPDX-License-Identifier: GPL-3.0-or-later
// build_schedule: linspace, shift, pin the first entry.
#include "sample/schedule.h"

#include <string>

#include <ATen/ops/linspace.h>

#include "sa3/error.h"

namespace sa3 {

at::Tensor build_schedule(int64_t steps, double sigma_max, const SamplingShift& shift,
                          int64_t seq_len) {
  if (steps < 1) throw_invalid("steps: must be at least 1, got " + std::to_string(steps));
  if (!(sigma_max > 0.0 && sigma_max <= 1.0)) {
    throw_invalid("sigma_max: must be in (0, 1], got " + std::to_string(sigma_max));
  }
  at::Tensor t = at::linspace(sigma_max, 0.0, steps + 1, at::kFloat);
  t = shift.apply(t, seq_len);
  t.select(0, 0).fill_(sigma_max);
  return t;
}

}  // namespace sa3
