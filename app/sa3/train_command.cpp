// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 train`: parses the job options and hands them to the local trainer or, with --remote,
// to fal (remote_command.cpp).
#include <iostream>

#include "commands.h"

namespace sa3::cli {

const char* const kTrainUsage =
    "Usage: sa3 train --job JOB.json [--dataset DIR|ZIP] [--out RUN] [--models DIR]\n"
    "                 [--device auto|cpu|cuda] [--progress jsonl] [--remote]\n"
    "       sa3 train --resume RUN [--progress jsonl]\n"
    "\n"
    "Trains a LoRA from JOB.json, the input object of fal's fal-ai/stable-audio-3-trainer\n"
    "(plus an optional \"studio\" object), on this machine or, with --remote, on fal.\n"
    "  --job JOB.json     the job; unknown fields and bad values are reported by name\n"
    "  --dataset DIR|ZIP  the dataset (overrides the job's audio_data_url)\n"
    "  --out RUN          the run folder (default: a new folder under the runs directory)\n"
    "  --models DIR       the models folder (local training)\n"
    "  --device D         auto (default), cpu or cuda (local training)\n"
    "  --progress jsonl   print one JSON event per line instead of human-readable progress\n"
    "  --remote           train on fal: checks and uploads the dataset, shows the cost,\n"
    "                     submits, streams the logs and downloads lora.safetensors and\n"
    "                     config.json into RUN. Needs FAL_KEY (or FAL_KEY_ID + FAL_KEY_SECRET).\n"
    "                     Ctrl+C stops following; the job keeps running on fal\n"
    "                     (sa3 remote fetch RUN reattaches, sa3 remote cancel RUN stops it).\n"
    "  --resume RUN       continue a local run from its newest checkpoint\n"
    "\n"
    "Exit status: 0 finished, 1 the job failed, 2 bad usage or input, 130 stopped.\n";

int run_train(const std::vector<std::string>& argv) {
  const Args args(argv, {"--remote"}, {"--job", "--dataset", "--out", "--models", "--device", "--progress", "--resume"});
  args.expect_positionals(0, 0);
  if (const auto progress = args.option("--progress"); progress && *progress != "jsonl")
    throw UsageError("--progress: the only format is jsonl (got '" + *progress + "')");
  if (args.flag("--remote")) {
    if (args.option("--resume")) throw UsageError("--resume is for local runs; use 'sa3 remote fetch RUN' to reattach to a remote one");
    if (args.option("--device") || args.option("--models"))
      throw UsageError("--device and --models apply to local training, not --remote");
    args.required_option("--job");
    return run_remote_training(args);
  }
  return run_local_training(args);
}

}  // namespace sa3::cli
