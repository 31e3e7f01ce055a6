// SPDX-License-Identifier: GPL-3.0-or-later
// Process-wide LibTorch thread setup. OpenBLAS (the openmp build) and ATen share one OpenMP
// pool; sizing it to the cores this process may use avoids oversubscription.
// Threading: call from any thread before the first torch work; later calls are no-ops.
#pragma once

namespace sa3 {

// threads <= 0: the number of CPUs in this process's affinity mask.
void init_torch_threads(int threads = 0);

}  // namespace sa3
