// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 dataset check|pack`: lint and QC a dataset folder or zip, or pack a folder as fal's zip.
#include <filesystem>
#include <iostream>
#include <random>

#include "commands.h"
#include "dataset_report.h"
#include "interrupt_scope.h"
#include "sa3/dataset.h"

namespace sa3::cli {

namespace fs = std::filesystem;

const char* const kDatasetUsage =
    "Usage: sa3 dataset check DIR|ZIP [--model ID] [--quick] [--json]\n"
    "       sa3 dataset pack DIR -o OUT.zip\n"
    "\n"
    "check  Lists every clip (length, format, loudness, peak, caption) and every lint issue:\n"
    "       missing/empty/non-UTF-8/duplicate/too long captions, duplicate audio and basenames,\n"
    "       clips shorter than 1 s or longer than the model's native length, clipping,\n"
    "       silence, and fal's limit of 4 to 2,000 clips. A zip is extracted to a temporary\n"
    "       folder first. Clips excluded in DIR/.sa3studio/dataset.json are listed but not linted.\n"
    "  --model ID   model whose native length applies: medium-base (380 s, default),\n"
    "               small-music-base or small-sfx-base (120 s)\n"
    "  --quick      read headers only; skip decoding (no loudness, duplicates or decode errors)\n"
    "  --json       print one JSON object instead of the table\n"
    "pack   Writes the fal trainer's zip: audio plus <stem>.txt captions, flat, with unique\n"
    "       names; excluded clips are left out. OUT.zip is replaced only once complete.\n"
    "  -o, --out OUT.zip   the zip to write\n"
    "\n"
    "Exit status: 0 when check finds no error (warnings are fine) or pack succeeds, 1 when\n"
    "check finds an error that would stop training, 2 on bad usage or an unreadable\n"
    "folder or zip, 130 when interrupted.\n";

namespace {

int report_failure(const Failure& f) {
  if (f.cancelled()) {
    std::cerr << "sa3 dataset: interrupted\n";
    return kExitStopped;
  }
  std::cerr << "sa3 dataset: " << f.message << '\n';
  return f.kind == ErrorKind::InvalidInput ? kExitUsage : kExitFailed;
}

// A temporary folder for an extracted zip, removed on scope exit.
class ScratchDir {
 public:
  ScratchDir() : path_(fs::temp_directory_path() / ("sa3-dataset-" + std::to_string(std::random_device{}()))) {}
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

int check(const Args& args) {
  args.expect_positionals(2, 2);
  const std::string source = args.positionals()[1];
  const std::string model = args.option_or("--model", "medium-base");
  const auto native = model_native_length_s(model);
  if (!native) throw UsageError(native.error().message);

  JobControl job;
  InterruptScope interrupt(job);
  ScratchDir scratch;
  fs::path folder = source;
  std::error_code ec;
  if (fs::is_regular_file(source, ec)) {
    const auto imported = import_zip(source, scratch.path(), job);
    if (!imported) return report_failure(imported.error());
    folder = scratch.path();
  }
  auto scan = scan_dataset(folder, job);
  if (!scan) return report_failure(scan.error());
  const auto state = load_dataset_state(scan->root);
  if (!state) return report_failure(state.error());
  const bool qc = !args.flag("--quick");
  if (qc) {
    const auto analysed = analyse_clips(scan->clips, {}, job);
    if (!analysed) return report_failure(analysed.error());
  }
  DatasetReport report{source, model, &*scan, &*state, lint(scan->clips, *state, {.native_length_s = *native}), qc};
  if (args.flag("--json")) {
    print_report_json(std::cout, report);
  } else {
    print_report_text(std::cout, report);
  }
  return count_errors(report.issues) == 0 ? kExitOk : kExitFailed;
}

int pack(const Args& args) {
  args.expect_positionals(2, 2);
  const fs::path out = args.required_option("--out");
  JobControl job;
  InterruptScope interrupt(job);
  const auto scan = scan_dataset(args.positionals()[1], job);
  if (!scan) return report_failure(scan.error());
  const auto state = load_dataset_state(scan->root);
  if (!state) return report_failure(state.error());
  const auto written = export_zip(scan->clips, *state, out, job);
  if (!written) return report_failure(written.error());
  std::cout << "Wrote " << out.string() << ": " << written->clips << " clips, " << written->captions << " captions";
  if (!state->excluded.empty()) std::cout << " (" << state->excluded.size() << " excluded)";
  std::cout << '\n';
  if (written->captions < written->clips)
    std::cerr << "sa3 dataset: warning: " << written->clips - written->captions
              << " clips have no caption; run 'sa3 dataset check' before training\n";
  return kExitOk;
}

}  // namespace

int run_dataset(const std::vector<std::string>& argv) {
  const Args args(argv, {"--json", "--quick"}, {"--model", "--out"});
  if (args.positionals().empty()) throw UsageError("missing subcommand (check or pack)");
  const std::string& sub = args.positionals()[0];
  if (sub == "check") return check(args);
  if (sub == "pack") return pack(args);
  throw UsageError("unknown subcommand '" + sub + "' (expected check or pack)");
}

}  // namespace sa3::cli
