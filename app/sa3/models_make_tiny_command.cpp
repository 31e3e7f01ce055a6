// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 models make-tiny DIR [ID...] [--seed N]`: tiny random models of the real architecture.
#include <iostream>

#include "commands.h"
#include "sa3/models.h"

namespace sa3::cli {

int run_models_make_tiny(const std::vector<std::string>& argv) {
  const Args args(std::vector<std::string>(argv.begin() + 1, argv.end()), {}, {"--seed"});
  if (args.positionals().empty()) throw UsageError("make-tiny: missing the models folder DIR");
  std::vector<std::string> ids(args.positionals().begin() + 1, args.positionals().end());
  if (ids.empty()) ids = {"small-music", "small-sfx", "medium", "small-music-base", "small-sfx-base", "medium-base"};
  uint64_t seed = 0;
  if (const auto s = args.option("--seed")) {
    try {
      seed = std::stoull(*s);
    } catch (const std::exception&) {
      throw UsageError("--seed: expected a whole number >= 0, got '" + *s + "'");
    }
  }
  const std::string dir = args.positionals().front();
  for (const std::string& id : ids) {
    const Status made = make_tiny_model(dir, id, seed);
    if (!made) {
      std::cerr << "sa3 models make-tiny: " << made.error().message << '\n';
      return made.error().kind == ErrorKind::InvalidInput ? kExitUsage : kExitFailed;
    }
    std::cout << dir << "/" << id << ": tiny random " << id << " model\n";
  }
  return kExitOk;
}

}  // namespace sa3::cli
