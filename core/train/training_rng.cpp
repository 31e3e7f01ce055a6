// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingRng over an ATen CPU generator (its full state serialises to a byte tensor).
#include "train/training_rng.h"

#include <cmath>
#include <cstring>
#include <mutex>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "sa3/error.h"

namespace sa3 {

TrainingRng::TrainingRng(uint64_t seed) : generator_(at::detail::createCPUGenerator(seed)) {}

at::Tensor TrainingRng::normal(at::IntArrayRef shape) {
  return at::randn(shape, generator_, at::TensorOptions().dtype(at::kFloat));
}

double TrainingRng::uniform() {
  return at::rand({1}, generator_, at::TensorOptions().dtype(at::kDouble)).item<double>();
}

int64_t TrainingRng::integer(int64_t lo, int64_t hi) {
  if (hi <= lo) return lo;
  return at::randint(lo, hi + 1, {1}, generator_, at::TensorOptions().dtype(at::kLong)).item<int64_t>();
}

double TrainingRng::exponential(double mean) {
  // Inverse CDF; 1 − u keeps the argument of the log in (0, 1].
  return -mean * std::log(1.0 - uniform());
}

size_t TrainingRng::choice(const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w;
  const double u = uniform() * total;
  double acc = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    acc += weights[i];
    if (u < acc) return i;
  }
  return weights.size() - 1;
}

std::vector<int64_t> TrainingRng::permutation(int64_t n) {
  const auto p = at::randperm(n, generator_, at::TensorOptions().dtype(at::kLong));
  return std::vector<int64_t>(p.data_ptr<int64_t>(), p.data_ptr<int64_t>() + n);
}

std::vector<uint8_t> TrainingRng::state() const {
  std::lock_guard<std::mutex> lock(generator_.mutex());
  const auto t = generator_.get_state();
  const auto* p = t.data_ptr<uint8_t>();
  return {p, p + t.numel()};
}

void TrainingRng::set_state(const std::vector<uint8_t>& bytes) {
  auto t = at::empty({static_cast<int64_t>(bytes.size())}, at::TensorOptions().dtype(at::kByte));
  std::memcpy(t.data_ptr(), bytes.data(), bytes.size());
  std::lock_guard<std::mutex> lock(generator_.mutex());
  try {
    generator_.set_state(t);
  } catch (const std::exception& e) {
    throw_invalid(std::string("random generator state: ") + e.what());
  }
}

}  // namespace sa3
