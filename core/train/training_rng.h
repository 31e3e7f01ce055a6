// SPDX-License-Identifier: GPL-3.0-or-later
// TrainingRng: the one random stream of a training run (timesteps, noise, masks, CFG dropout,
// data order), drawn on the CPU so a seed gives the same run on any device, and saved whole in
// checkpoints so a resumed run draws exactly what the uninterrupted one would have.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>

namespace sa3 {

class TrainingRng {
 public:
  explicit TrainingRng(uint64_t seed);

  at::Generator& generator() { return generator_; }
  at::Tensor normal(at::IntArrayRef shape);   // N(0,1), fp32, CPU
  double uniform();                           // [0, 1)
  int64_t integer(int64_t lo, int64_t hi);    // uniform in [lo, hi], inclusive like random.randint
  double exponential(double mean);
  // Index drawn with the given weights (random.choices with k=1).
  size_t choice(const std::vector<double>& weights);
  std::vector<int64_t> permutation(int64_t n);

  // The generator state as bytes, and back (throws InvalidInput on a state of the wrong size).
  std::vector<uint8_t> state() const;
  void set_state(const std::vector<uint8_t>& bytes);

 private:
  mutable at::Generator generator_;  // get_state() needs its lock
};

}  // namespace sa3
