// SPDX-License-Identifier: GPL-3.0-or-later
// LoraAdapter: inits, the literal W_eff formulas and the fused forward (spec §6.4).
#include "model/lora/lora_adapter.h"

#include <cmath>

#include <ATen/ATen.h>

#include "model/lora/svd_basis.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

std::string shape_string(at::IntArrayRef sizes) {
  std::string s = "[";
  for (size_t i = 0; i < sizes.size(); ++i) s += (i ? "," : "") + std::to_string(sizes[i]);
  return s + "]";
}

// Upstream casts the whole adapted model to the base precision and sets the adapter
// parameters back to fp32, so their initial values pass through that precision once.
at::Tensor round_through(const at::Tensor& t, at::ScalarType base) {
  if (base == at::kBFloat16 || base == at::kHalf) return t.to(base).to(at::kFloat);
  return t;
}

}  // namespace

LoraAdapterImpl::LoraAdapterImpl(const LoraAdapterOptions& options, const at::Tensor& base_weight_2d,
                                 at::Generator generator, std::string module)
    : options_(options), module_(std::move(module)) {
  if (base_weight_2d.dim() != 2) {
    throw_internal(module_ + ": adapter base weight must be 2-D, got " +
                   shape_string(base_weight_2d.sizes()));
  }
  if (options_.rank < 1) throw_invalid(module_ + ": rank must be ≥ 1");
  const auto base_dtype = base_weight_2d.scalar_type();
  const int64_t out = base_weight_2d.size(0);
  const int64_t in = base_weight_2d.size(1);
  const int64_t r = options_.rank;
  const auto w = base_weight_2d.detach().to(at::kFloat);
  const auto f32 = at::TensorOptions().dtype(at::kFloat).device(w.device());
  torch::NoGradGuard no_grad;
  if (uses_ab(options_.type)) {
    // kaiming_uniform_(a=√5) on [r, in] has bound 1/√in.
    const double bound = 1.0 / std::sqrt(static_cast<double>(in));
    auto a = at::empty({r, in}, f32.device(at::kCPU)).uniform_(-bound, bound, generator);
    lora_A_ = register_parameter("lora_A", round_through(a, base_dtype).to(w.device()));
    lora_B_ = register_parameter("lora_B", at::zeros({out, r}, f32));
  } else {
    const auto basis = canonical_svd_basis(w, r, module_);
    U_ = register_buffer("U", round_through(basis.U, base_dtype).to(w.device()));
    V_ = register_buffer("V", round_through(basis.V, base_dtype).to(w.device()));
    M_xs_ = register_parameter("M_xs", at::zeros({r, r}, f32));
  }
  base_row_sq_ = w.pow(2).sum(1);
  base_col_sq_ = w.pow(2).sum(0);
  const auto rows = round_through(base_row_sq_.sqrt(), base_dtype);
  const auto cols = round_through(base_col_sq_.sqrt(), base_dtype);
  const bool by_rows = normalises_rows(options_.type);
  const bool by_cols = normalises_cols(options_.type);
  if (by_rows && by_cols) {
    magnitude_r_ = register_parameter("magnitude_r", rows.clone());
    magnitude_c_ = register_parameter("magnitude_c", cols.clone());
  } else if (by_rows) {
    magnitude_ = register_parameter("magnitude", rows.clone());
  } else if (by_cols) {
    magnitude_ = register_parameter("magnitude", cols.clone());
  }
}

std::pair<at::Tensor, at::Tensor> LoraAdapterImpl::factors() const {
  if (uses_ab(options_.type)) return {lora_B_, lora_A_};
  return {at::matmul(U_, M_xs_), V_.t()};
}

at::Tensor LoraAdapterImpl::effective_weight(const at::Tensor& weight) const {
  const auto dtype = weight.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
  const auto w0 = weight.to(dtype);
  const double s = scale();
  const bool by_rows = normalises_rows(options_.type);
  const bool by_cols = normalises_cols(options_.type);
  if (s == 0.0) return weight;  // upstream's special case: strength 0 is the base weight
  at::Tensor delta;
  if (uses_ab(options_.type)) {
    delta = at::matmul(lora_B_.to(dtype), lora_A_.to(dtype));
  } else {
    delta = at::matmul(at::matmul(U_.to(dtype), M_xs_.to(dtype)), V_.to(dtype).t());
  }
  const auto v = w0 + s * delta;
  at::Tensor out;
  if (by_rows && by_cols) {
    const auto vr = v / (v.norm(2, {1}, /*keepdim=*/true) + kNormEpsilon);
    const auto h = magnitude_r_.to(dtype).unsqueeze(1) * vr;
    out = h / (h.norm(2, {0}, true) + kNormEpsilon) * magnitude_c_.to(dtype).unsqueeze(0);
  } else if (by_rows) {
    out = magnitude_.to(dtype).unsqueeze(1) * (v / (v.norm(2, {1}, true) + kNormEpsilon));
  } else if (by_cols) {
    out = v / (v.norm(2, {0}, true) + kNormEpsilon) * magnitude_.to(dtype).unsqueeze(0);
  } else {
    out = v;
  }
  return out.to(weight.scalar_type());
}

// ‖V[o,:]‖² = ‖W0[o,:]‖² + 2s·Σ_r (W0·Aᵀ)[o,r]·B[o,r] + s²·Σ_{r,r'} B[o,r]·(A·Aᵀ)[r,r']·B[o,r'],
// evaluated as ‖W0[o,:]‖² + Σ_r (2·W0·Aᵀ + sB·A·Aᵀ)[o,r]·(sB)[o,r] (fewer [out,r] passes).
// linear(W0, A) rather than matmul(W0, Aᵀ): oneDNN takes the bf16 product without a transposed
// copy (about 25 % faster on the 2-core machine).
at::Tensor LoraAdapterImpl::row_scale(const at::Tensor& weight, const at::Tensor& b,
                                      const at::Tensor& a, double s) const {
  const auto w0a = at::linear(weight, a.to(weight.scalar_type())).to(at::kFloat);  // [out,r]
  const auto gram = at::matmul(a, a.t());                                         // [r,r]
  const auto sb = b * s;
  const auto sq = base_row_sq_ + ((2.0 * w0a + at::matmul(sb, gram)) * sb).sum(1);
  return magnitude_ / (sq.clamp_min(0).sqrt() + kNormEpsilon);
}

// ‖V[:,i]‖² = ‖W0[:,i]‖² + 2s·Σ_r (Bᵀ·W0)[r,i]·A[r,i] + s²·Σ_{r,r'} A[r,i]·(Bᵀ·B)[r,r']·A[r',i].
at::Tensor LoraAdapterImpl::col_scale(const at::Tensor& weight, const at::Tensor& b,
                                      const at::Tensor& a, double s) const {
  const auto btw0 = at::matmul(b.to(weight.scalar_type()).t(), weight).to(at::kFloat);  // [r,in]
  const auto gram = at::matmul(b.t(), b);                                              // [r,r]
  const auto sq = base_col_sq_ + 2.0 * s * (btw0 * a).sum(0) + s * s * (at::matmul(gram, a) * a).sum(0);
  return magnitude_ / (sq.clamp_min(0).sqrt() + kNormEpsilon);
}

at::Tensor LoraAdapterImpl::linear(const at::Tensor& x, const at::Tensor& weight,
                                   const at::Tensor& bias) const {
  const auto dtype = x.scalar_type();
  const auto w0 = weight.to(dtype);
  const auto b = bias.defined() ? bias.to(dtype) : bias;
  const double s = scale();
  if (s == 0.0) return at::linear(x, w0, b);
  const bool by_rows = normalises_rows(options_.type);
  const bool by_cols = normalises_cols(options_.type);
  if (by_rows && by_cols) return at::linear(x, effective_weight(weight).to(dtype), b);
  const auto [fb, fa] = factors();
  // in·W0ᵀ + s·(in·Aᵀ)·Bᵀ with s folded into the [out,r] factor and the sum accumulated by the
  // GEMM (addmm): each saves a pass over the [.., out] activation, forward and backward.
  const auto base_plus_low_rank = [&](const at::Tensor& in) {
    const auto low = at::linear(at::linear(in, fa.to(dtype)), (fb * s).to(dtype));
    const int64_t out = w0.size(0);
    auto out_sizes = in.sizes().vec();
    out_sizes.back() = out;
    return at::addmm(low.reshape({-1, out}), in.reshape({-1, in.size(-1)}), w0.t()).view(out_sizes);
  };
  if (by_cols) {
    const auto y = base_plus_low_rank(x * col_scale(w0, fb, fa, s).to(dtype));
    return b.defined() ? y + b : y;
  }
  const auto y = base_plus_low_rank(x);
  if (!by_rows) return b.defined() ? y + b : y;
  const auto rows = row_scale(w0, fb, fa, s).to(dtype);
  return b.defined() ? at::addcmul(b, y, rows) : y * rows;
}

std::vector<std::pair<std::string, at::Tensor>> LoraAdapterImpl::named_tensors() const {
  std::vector<std::pair<std::string, at::Tensor>> out;
  const auto add = [&](const char* kind, const at::Tensor& t) {
    if (t.defined()) out.emplace_back(kind, t);
  };
  add("lora_A", lora_A_);
  add("lora_B", lora_B_);
  add("M_xs", M_xs_);
  add("magnitude", magnitude_);
  add("magnitude_r", magnitude_r_);
  add("magnitude_c", magnitude_c_);
  add("U", U_);
  add("V", V_);
  return out;
}

void LoraAdapterImpl::load_tensor(const std::string& kind, const at::Tensor& value,
                                  const std::string& key) {
  at::Tensor target;
  for (const auto& [name, t] : named_tensors()) {
    if (name == kind) target = t;
  }
  if (!target.defined()) {
    throw_invalid(key + ": a " + std::string(to_string(options_.type)) +
                  " adapter has no tensor '" + kind + "'");
  }
  auto v = value;
  if (v.dim() == 2 && target.dim() == 1 && (v.size(0) == 1 || v.size(1) == 1)) v = v.flatten();
  if (v.sizes() != target.sizes()) {
    throw_invalid(key + ": shape mismatch (expected " + shape_string(target.sizes()) + ", got " +
                  shape_string(v.sizes()) + "; was the LoRA trained with another rank or model?)");
  }
  torch::NoGradGuard no_grad;
  target.copy_(v.to(target.scalar_type()));
}

}  // namespace sa3
