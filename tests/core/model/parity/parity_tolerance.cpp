// SPDX-License-Identifier: GPL-3.0-or-later
// Tolerance checks computed in fp64 on CPU.
#include "parity/parity_tolerance.h"

#include <ATen/ATen.h>

#include <sstream>

#include "model/state_dict.h"

namespace sa3::test {
namespace {

struct Difference {
  double max_abs = 0;
  double max_ref = 0;
  double l2_rel = 0;
  std::int64_t worst = 0;
  double worst_actual = 0;
  double worst_reference = 0;
};

std::optional<testing::AssertionResult> shape_mismatch(const at::Tensor& a, const at::Tensor& r) {
  if (a.sizes() == r.sizes()) return std::nullopt;
  return testing::AssertionFailure() << "shape " << shape_string(a.sizes()) << ", reference "
                                     << shape_string(r.sizes());
}

Difference difference(const at::Tensor& actual, const at::Tensor& reference) {
  const at::Tensor a = actual.detach().to(at::kCPU, at::kDouble).reshape(-1);
  const at::Tensor r = reference.detach().to(at::kCPU, at::kDouble).reshape(-1);
  Difference d;
  if (a.numel() == 0) return d;
  const at::Tensor diff = (a - r).abs();
  d.worst = diff.argmax().item<std::int64_t>();
  d.max_abs = diff[d.worst].item<double>();
  d.max_ref = r.abs().max().item<double>();
  const double ref_norm = r.norm().item<double>();
  const double diff_norm = (a - r).norm().item<double>();
  d.l2_rel = ref_norm > 0 ? diff_norm / ref_norm : diff_norm;
  d.worst_actual = a[d.worst].item<double>();
  d.worst_reference = r[d.worst].item<double>();
  return d;
}

std::string describe(const Difference& d) {
  std::ostringstream s;
  s << "max|a-b| = " << d.max_abs << " at flat index " << d.worst << " (got " << d.worst_actual
    << ", reference " << d.worst_reference << "), max|ref| = " << d.max_ref
    << ", ||a-b||/||ref|| = " << d.l2_rel;
  return s.str();
}

}  // namespace

testing::AssertionResult matches_reference(const at::Tensor& actual, const at::Tensor& reference,
                                           const Tolerance& tolerance) {
  if (auto bad = shape_mismatch(actual, reference)) return *bad;
  const Difference d = difference(actual, reference);
  const bool ok = d.max_abs <= tolerance.max_rel * d.max_ref && d.l2_rel <= tolerance.l2_rel;
  if (ok) return testing::AssertionSuccess() << describe(d);
  return testing::AssertionFailure() << describe(d) << " (allowed: max " << tolerance.max_rel
                                     << "·max|ref|, l2 " << tolerance.l2_rel << ")";
}

testing::AssertionResult matches_abs(const at::Tensor& actual, const at::Tensor& reference,
                                     double max_abs) {
  if (auto bad = shape_mismatch(actual, reference)) return *bad;
  const Difference d = difference(actual, reference);
  if (d.max_abs <= max_abs) return testing::AssertionSuccess() << describe(d);
  return testing::AssertionFailure() << describe(d) << " (allowed: max|a-b| <= " << max_abs << ")";
}

}  // namespace sa3::test
