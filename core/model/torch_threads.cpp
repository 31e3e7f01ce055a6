// SPDX-License-Identifier: GPL-3.0-or-later
// One-time at::set_num_threads.
#include "model/torch_threads.h"

#include <sched.h>

#include <ATen/Parallel.h>

#include <mutex>
#include <thread>

namespace sa3 {
namespace {

int available_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof(set), &set) == 0) return CPU_COUNT(&set);
  const unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? static_cast<int>(n) : 1;
}

}  // namespace

void init_torch_threads(int threads) {
  static std::once_flag once;
  std::call_once(once, [threads] { at::set_num_threads(threads > 0 ? threads : available_cpus()); });
}

}  // namespace sa3
