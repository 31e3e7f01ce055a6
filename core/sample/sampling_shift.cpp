// SPDX-License-Identifier: GPL-3.0-or-later
// Timestep warps for inference schedules. The tensor ops follow upstream's scalar-length path
// (distribution_shift.py) op for op, so schedules match the reference to float rounding.
#include "sample/sampling_shift.h"

#include <algorithm>
#include <cmath>

#include <ATen/TensorOperators.h>
#include <ATen/ops/ones_like.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/sin.h>
#include <ATen/ops/where.h>
#include <ATen/ops/zeros_like.h>
#include <nlohmann/json.hpp>

#include "sa3/error.h"

namespace sa3 {
namespace {

constexpr double kPi = 3.14159265358979323846;

double number_field(const nlohmann::json& options, const std::string& key, double fallback,
                    const std::string& where) {
  const auto it = options.find(key);
  if (it == options.end()) return fallback;
  if (!it->is_number()) throw_invalid(where + "." + key + ": expected a number, got " + it->dump());
  return it->get<double>();
}

void reject_unknown_keys(const nlohmann::json& options, std::initializer_list<const char*> known,
                         const std::string& where) {
  for (const auto& [key, value] : options.items()) {
    if (key == "type") continue;
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) {
      throw_invalid(where + ": unknown key '" + key + "' for this shift type");
    }
  }
}

}  // namespace

SamplingShift SamplingShift::model_default() { return SamplingShift{}; }

SamplingShift SamplingShift::from_json(const nlohmann::json& options, const std::string& where) {
  if (!options.is_object()) throw_invalid(where + ": expected an object, got " + options.dump());
  const std::string type = options.value("type", std::string("full"));
  SamplingShift s;
  if (type == "none") {
    s.type = Type::None;
    reject_unknown_keys(options, {}, where);
  } else if (type == "logsnr") {
    // Upstream's LogSNRShift class defaults (rate 1) apply to a configured shift; only the
    // implicit model default uses rate 0.
    s.type = Type::LogSnr;
    reject_unknown_keys(options, {"anchor_length", "anchor_logsnr", "rate", "logsnr_end"}, where);
    s.anchor_length = number_field(options, "anchor_length", 2000.0, where);
    s.anchor_logsnr = number_field(options, "anchor_logsnr", -6.2, where);
    s.rate = number_field(options, "rate", 1.0, where);
    s.logsnr_end = number_field(options, "logsnr_end", 2.0, where);
    if (s.anchor_length <= 0) throw_invalid(where + ".anchor_length: must be positive");
  } else if (type == "full") {
    s.type = Type::Full;
    reject_unknown_keys(options, {"base_shift", "max_shift", "min_length", "max_length", "use_sine"},
                        where);
    s.base_shift = number_field(options, "base_shift", 0.5, where);
    s.max_shift = number_field(options, "max_shift", 1.15, where);
    s.min_length = number_field(options, "min_length", 256.0, where);
    s.max_length = number_field(options, "max_length", 4096.0, where);
    const auto sine = options.find("use_sine");
    if (sine != options.end()) {
      if (!sine->is_boolean()) throw_invalid(where + ".use_sine: expected true or false");
      s.use_sine = sine->get<bool>();
    }
    if (s.max_length <= s.min_length) {
      throw_invalid(where + ": max_length must exceed min_length");
    }
  } else if (type == "flux") {
    s.type = Type::Flux;
    reject_unknown_keys(options, {"min_length", "max_length", "alpha_min", "alpha_max"}, where);
    s.min_length = number_field(options, "min_length", 256.0, where);
    s.max_length = number_field(options, "max_length", 4096.0, where);
    s.alpha_min = number_field(options, "alpha_min", 1.0, where);
    s.alpha_max = number_field(options, "alpha_max", 1.0, where);
    if (s.min_length <= 0 || s.max_length < s.min_length) {
      throw_invalid(where + ": need 0 < min_length <= max_length");
    }
  } else {
    throw_invalid(where + ".type: unknown shift '" + type +
                  "' (expected none, logsnr, full or flux)");
  }
  return s;
}

at::Tensor SamplingShift::apply(const at::Tensor& t, int64_t seq_len) const {
  const double length = static_cast<double>(std::max<int64_t>(seq_len, 1));
  switch (type) {
    case Type::None:
      return t;
    case Type::LogSnr: {
      const double logsnr_start = anchor_logsnr - rate * std::log2(length / anchor_length);
      const at::Tensor logsnr = logsnr_end - t * (logsnr_end - logsnr_start);
      at::Tensor out = at::sigmoid(-logsnr);
      // The warp only approaches 0 and 1; upstream pins the endpoints exactly.
      out = at::where(t <= 0, at::zeros_like(out), out);
      return at::where(t >= 1, at::ones_like(out), out);
    }
    case Type::Full: {
      const double clamped = std::clamp(length, min_length, max_length);
      const double mu =
          -(base_shift + (max_shift - base_shift) * (clamped - min_length) / (max_length - min_length));
      const double e = std::exp(mu);
      // Python's `a / tensor` is reciprocal(tensor)·a; kept for bitwise agreement.
      const at::Tensor odds = (1 - t).reciprocal() - 1;
      at::Tensor out = 1 - (e + odds).reciprocal() * e;
      if (use_sine) out = at::sin(out * (kPi / 2));
      return out;
    }
    case Type::Flux: {
      const double clamped = std::clamp(length, min_length, max_length);
      double log_max = std::log(max_length);
      const double log_min = std::log(min_length);
      if (log_max == log_min) log_max += 1e-8;
      const double frac = (std::log(clamped) - log_min) / (log_max - log_min);
      const double log_alpha_min = std::log(std::max(alpha_min, 1e-8));
      const double log_alpha_max = std::log(std::max(alpha_max, 1e-8));
      const double alpha = std::exp(log_alpha_min + frac * (log_alpha_max - log_alpha_min));
      return alpha * t / (1 + (alpha - 1.0) * t);
    }
  }
  throw_internal("SamplingShift::apply: unhandled shift type");
}

}  // namespace sa3
