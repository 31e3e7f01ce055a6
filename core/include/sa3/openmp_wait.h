// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenMP wait policy of the torch-using programs (sa3, sa3studio, the benches).
//
// LibTorch, OpenBLAS and oneDNN share libgomp's thread pool. By default libgomp's idle
// threads busy-wait (up to 300 000 spins, tens of milliseconds on CPUs with a slow `pause`)
// before sleeping; a training step opens ~13 000 parallel regions. When other programs compete
// for the cores, a spinning thread holds a core while the thread it waits for is descheduled,
// so every region costs a scheduler time slice: on the 2-core machine under load a small-DiT
// training step took ~58 s with the default policy and ~5 s with OMP_WAIT_POLICY=PASSIVE
// (bench/README.md). libgomp reads the policy only from the environment, once, while it is
// loaded (before main), so it can only be changed by starting the process again.
#pragma once

namespace sa3 {

// Call first in main(). When neither OMP_WAIT_POLICY nor GOMP_SPINCOUNT is set, sets
// OMP_WAIT_POLICY=PASSIVE and re-executes the program (/proc/self/exe) with the same arguments;
// it returns only when the policy was already chosen by the environment or the re-execution
// failed (then a warning goes to stderr and the program continues with libgomp's default).
// Set OMP_WAIT_POLICY=ACTIVE to keep busy-waiting on an otherwise idle machine.
void use_passive_openmp_wait(char** argv);

}  // namespace sa3
