// SPDX-License-Identifier: GPL-3.0-or-later
// Training padding masks: resizing and silence extension.
#include "train/padding_masks.h"

#include <algorithm>

#include <ATen/ATen.h>

namespace sa3 {
namespace {

at::Tensor mask_from_lengths(const at::Tensor& lengths, int64_t length) {
  const auto positions = at::arange(length, lengths.options().dtype(at::kLong)).unsqueeze(0);
  return positions < lengths.unsqueeze(1);
}

}  // namespace

at::Tensor resize_padding_mask(const at::Tensor& mask, int64_t length) {
  const auto valid = mask.sum(-1).to(at::kFloat);
  const auto target = at::ceil(valid * static_cast<double>(length) / mask.size(-1)).to(at::kLong).clamp_max(length);
  return mask_from_lengths(target, length);
}

at::Tensor augment_padding_mask(const at::Tensor& mask, TrainingRng& rng, double scale_tokens) {
  const int64_t batch = mask.size(0);
  const int64_t length = mask.size(1);
  auto lengths = mask.sum(-1).to(at::kLong).cpu();
  auto* l = lengths.data_ptr<int64_t>();
  for (int64_t b = 0; b < batch; ++b) {
    const auto extension = static_cast<int64_t>(rng.exponential(scale_tokens));
    l[b] = std::min(length, l[b] + extension);
  }
  return mask_from_lengths(lengths, length).to(mask.device());
}

}  // namespace sa3
