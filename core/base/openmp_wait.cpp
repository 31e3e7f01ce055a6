// SPDX-License-Identifier: GPL-3.0-or-later
// Re-execution with OMP_WAIT_POLICY=PASSIVE (see sa3/openmp_wait.h for why).
#include "sa3/openmp_wait.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sa3 {

void use_passive_openmp_wait(char** argv) {
  if (std::getenv("OMP_WAIT_POLICY") != nullptr || std::getenv("GOMP_SPINCOUNT") != nullptr) return;
  // The variable also marks the second start, so this cannot loop.
  if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 1) == 0) ::execv("/proc/self/exe", argv);
  std::fprintf(stderr, "warning: could not restart with OMP_WAIT_POLICY=PASSIVE (%s); "
                       "CPU work may be slow on a busy machine\n", std::strerror(errno));
}

}  // namespace sa3
