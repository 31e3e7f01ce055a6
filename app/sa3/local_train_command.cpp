// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 train` without --remote: the local trainer's entry point. This build has no local
// trainer linked in yet (issue 4), so it says so instead of pretending to train.
#include <iostream>

#include "commands.h"

namespace sa3::cli {

int run_local_training(const Args&) {
  std::cerr << "sa3 train: local training is not in this build yet; use --remote to train on fal\n";
  return kExitUsage;
}

}  // namespace sa3::cli
