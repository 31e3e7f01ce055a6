// SPDX-License-Identifier: GPL-3.0-or-later
// sa3: the SA3 Studio command line. Dispatches to one subcommand group per file.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "sa3/openmp_wait.h"
#include "sa3/version.h"

namespace {

using sa3::cli::CommandGroup;

const std::vector<CommandGroup> kGroups = {
    {"dataset", "check a dataset folder or zip, or pack it as fal's zip", sa3::cli::kDatasetUsage, sa3::cli::run_dataset},
    {"models", "list, download, verify or locate the Stable Audio 3 weights", sa3::cli::kModelsUsage, sa3::cli::run_models},
    {"train", "train a LoRA from a fal trainer job, locally or on fal (--remote)", sa3::cli::kTrainUsage, sa3::cli::run_train},
    {"remote", "status, logs, cancel or fetch a run training on fal", sa3::cli::kRemoteUsage, sa3::cli::run_remote},
    {"generate", "render a prompt with a model, optionally with LoRAs", sa3::cli::kGenerateUsage, sa3::cli::run_generate},
};

void print_help(std::ostream& out) {
  out << "sa3 " << sa3::kVersion << " - Stable Audio 3 LoRA training from the command line\n\n"
      << "Usage: sa3 <command> [options]\n\nCommands:\n";
  for (const CommandGroup& g : kGroups) out << "  " << g.name << std::string(12 - std::string(g.name).size(), ' ') << g.summary << '\n';
  out << "\nRun 'sa3 <command> --help' for a command's options.\n"
      << "Exit status: 0 success, 1 failed job, 2 bad usage or input, 130 stopped.\n";
}

}  // namespace

int main(int argc, char** argv) {
  sa3::use_passive_openmp_wait(argv);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_help(std::cerr);
    return sa3::cli::kExitUsage;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help(std::cout);
    return sa3::cli::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "sa3 " << sa3::kVersion << '\n';
    return sa3::cli::kExitOk;
  }
  for (const CommandGroup& g : kGroups) {
    if (args[0] != g.name) continue;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (!rest.empty() && (rest[0] == "--help" || rest[0] == "-h")) {
      std::cout << g.usage;
      return sa3::cli::kExitOk;
    }
    try {
      return g.run(rest);
    } catch (const sa3::cli::UsageError& e) {
      std::cerr << "sa3 " << g.name << ": " << e.what() << "\n\n" << g.usage;
      return sa3::cli::kExitUsage;
    }
  }
  std::cerr << "sa3: unknown command '" << args[0] << "'\n\n";
  print_help(std::cerr);
  return sa3::cli::kExitUsage;
}
