// SPDX-License-Identifier: GPL-3.0-or-later
// Random inpainting masks: full (80 %), random segments (10 %), causal (10 %).
#include "train/inpaint_mask.h"

#include <ATen/ATen.h>

namespace sa3 {

at::Tensor random_inpaint_mask(const at::Tensor& padding_mask, TrainingRng& rng,
                               const InpaintMaskOptions& options) {
  const int64_t batch = padding_mask.size(0);
  const int64_t length = padding_mask.size(1);
  auto masks = at::ones({batch, 1, length}, at::kFloat);
  const auto real = padding_mask.sum(-1).to(at::kLong).cpu();
  const std::vector<double> weights(options.probabilities.begin(), options.probabilities.end());
  for (int64_t b = 0; b < batch; ++b) {
    auto m = masks[b][0];
    const int64_t real_len = real[b].item<int64_t>();
    const size_t kind = rng.choice(weights);
    if (kind == 1) {  // FULL_MASK: generate everything
      m.zero_();
      continue;
    }
    if (real_len == 0) continue;  // upstream keeps an all-ones mask here
    if (kind == 0) {              // RANDOM_SEGMENTS (may overlap)
      const int64_t segments = rng.integer(1, options.max_segments);
      const int64_t max_len = std::max<int64_t>(1, real_len / segments);
      for (int64_t s = 0; s < segments; ++s) {
        const int64_t seg = rng.integer(1, max_len);
        if (real_len - seg < 0) continue;
        const int64_t start = rng.integer(0, real_len - seg);
        m.narrow(0, start, seg).zero_();
      }
    } else {  // CAUSAL: keep a prefix, generate the rest of the real region
      const int64_t prefix = rng.integer(0, real_len);
      if (prefix < real_len) m.narrow(0, prefix, real_len - prefix).zero_();
    }
    if (options.mask_padding && real_len < length) m.narrow(0, real_len, length - real_len).zero_();
  }
  return masks.to(padding_mask.device());
}

}  // namespace sa3
