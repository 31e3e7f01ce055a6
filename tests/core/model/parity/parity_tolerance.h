// SPDX-License-Identifier: GPL-3.0-or-later
// The fixture README's comparison rules as gtest assertions.
//   Neural forwards (DiT, SAME, T5Gemma): max|a-b| <= max_rel * max|ref| and
//   ||a-b||_2 / ||ref||_2 <= l2_rel; kinds with other rules pass their own Tolerance or use
//   matches_abs. Messages give the worst element's index, both values and both measures.
#pragma once

#include <ATen/core/Tensor.h>
#include <gtest/gtest.h>

namespace sa3::test {

struct Tolerance {
  double max_rel = 1e-4;
  double l2_rel = 1e-5;
};

testing::AssertionResult matches_reference(const at::Tensor& actual, const at::Tensor& reference,
                                           const Tolerance& tolerance = {});

// max|a-b| <= max_abs.
testing::AssertionResult matches_abs(const at::Tensor& actual, const at::Tensor& reference,
                                     double max_abs);

}  // namespace sa3::test
