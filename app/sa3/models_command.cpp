// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 models list|download|verify|path`: the Stable Audio 3 weights in the models folder.
// Other files add subcommands through kModelsSubcommands (make-tiny: models_make_tiny_command.cpp).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "interrupt_scope.h"
#include "sa3/hub.h"
#include "sa3/paths.h"

namespace sa3::cli {

namespace fs = std::filesystem;

const char* const kModelsUsage =
    "Usage: sa3 models list [--models DIR] [--json]\n"
    "       sa3 models download ID... [--models DIR]\n"
    "       sa3 models verify [ID...] [--models DIR]\n"
    "       sa3 models path [ID] [--models DIR]\n"
    "       sa3 models make-tiny DIR [ID...] [--seed N]\n"
    "\n"
    "IDs: small-music, small-sfx, medium (audition: generate with a LoRA) and small-music-base,\n"
    "small-sfx-base, medium-base (training). A LoRA trained on X-base is auditioned on X.\n"
    "\n"
    "list      Every model: present, missing, incomplete (files missing or a download was\n"
    "          interrupted) or corrupt (wrong size or unreadable), its size and what needs it.\n"
    "download  Fetches each model from Hugging Face (stabilityai/stable-audio-3-ID) into DIR/ID,\n"
    "          resuming interrupted downloads, checking each file's hash before moving it into\n"
    "          place. The repos are gated: accept the license on the model page, then set\n"
    "          HF_TOKEN to a read token. SA3_HF_ENDPOINT changes the hub (default\n"
    "          https://huggingface.co). Ctrl+C stops; the next download resumes.\n"
    "verify    Hashes every downloaded file against the sha256 the hub announced (default:\n"
    "          every model on disk).\n"
    "path      Prints the models folder, or where model ID is (or would be downloaded to).\n"
    "make-tiny Writes tiny random models of the real architecture into DIR/ID (default: all six),\n"
    "          for trying the CLI and the studio without downloading weights.\n"
    "  --models DIR  the models folder (default ~/.local/share/sa3studio/models). Folders from\n"
    "                other tools work: DIR/stable-audio-3-ID, the Hugging Face cache\n"
    "                (~/.cache/huggingface/hub) or ComfyUI's models folder.\n"
    "  --json        print a JSON array instead of the table\n"
    "\n"
    "Exit status: 0 on success, 1 when a download fails or verify finds a problem, 2 on bad\n"
    "usage, an unknown ID or a refused token, 130 when interrupted.\n";

namespace {

int report_failure(const Failure& f) {
  if (f.cancelled()) {
    std::cerr << "sa3 models: interrupted\n";
    return kExitStopped;
  }
  std::cerr << "sa3 models: " << f.message << '\n';
  return f.kind == ErrorKind::InvalidInput ? kExitUsage : kExitFailed;
}

fs::path models_dir(const Args& args) {
  const auto dir = args.option("--models");
  return dir ? fs::path(*dir) : default_models_dir();
}

std::string human_size(std::uint64_t bytes) {
  std::ostringstream out;
  if (bytes == 0) return "-";
  out << std::fixed << std::setprecision(bytes >= 1000000000 ? 2 : 1);
  if (bytes >= 1000000000)
    out << static_cast<double>(bytes) / 1e9 << " GB";
  else
    out << static_cast<double>(bytes) / 1e6 << " MB";
  return out.str();
}

nlohmann::json status_json(const ModelStatus& s) {
  return {{"id", s.info.id},
          {"repo", s.info.repo},
          {"purpose", s.info.purpose == ModelPurpose::Training ? "training" : "audition"},
          {"needed_for", s.info.needed_for},
          {"state", to_string(s.state)},
          {"layout", to_string(s.layout)},
          {"folder", s.folder.string()},
          {"size_bytes", s.size_bytes},
          {"expected_bytes", s.expected_bytes},
          {"has_download_record", s.has_download_record},
          {"problems", s.problems}};
}

void print_status_line(const ModelStatus& s) {
  std::cout << std::left << std::setw(18) << s.info.id << std::setw(12) << to_string(s.state) << std::setw(11)
            << human_size(s.size_bytes) << s.info.needed_for;
  if (s.layout == ModelLayout::ComfyUI) std::cout << " [ComfyUI]";
  std::cout << '\n';
  for (const std::string& p : s.problems) std::cout << "    " << p << '\n';
}

int list(const Args& args) {
  args.expect_positionals(1, 1);
  const fs::path dir = models_dir(args);
  const auto statuses = model_statuses(dir);
  if (!statuses) return report_failure(statuses.error());
  if (args.flag("--json")) {
    nlohmann::json out = nlohmann::json::array();
    for (const ModelStatus& s : *statuses) out.push_back(status_json(s));
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  std::cout << "Models folder: " << dir.string() << "\n\n"
            << std::left << std::setw(18) << "ID" << std::setw(12) << "STATE" << std::setw(11) << "SIZE"
            << "NEEDED FOR\n";
  for (const ModelStatus& s : *statuses) print_status_line(s);
  return kExitOk;
}

// One line per update on a terminal (carriage return), one line per 10 % otherwise (logs).
class ProgressPrinter {
 public:
  ProgressPrinter() : tty_(isatty(STDERR_FILENO) != 0) {}
  // `what` is the downloader's "file, rate, time left".
  void update(const std::string& id, double done, double total, const std::string& what) {
    const int percent = total > 0 ? static_cast<int>(100.0 * done / total) : 0;
    if (!tty_ && percent / 10 == last_decile_) return;
    last_decile_ = percent / 10;
    std::ostringstream line;
    line << id << ": " << percent << "% of " << human_size(static_cast<std::uint64_t>(total));
    if (!what.empty()) line << ", " << what;
    if (tty_)
      std::cerr << '\r' << std::left << std::setw(static_cast<int>(width_)) << line.str() << std::flush;
    else
      std::cerr << line.str() << '\n';
    width_ = std::max(width_, line.str().size());
  }
  void finish() {
    if (tty_ && width_ > 0) std::cerr << '\n';
    width_ = 0;
    last_decile_ = -1;
  }

 private:
  bool tty_;
  std::size_t width_ = 0;
  int last_decile_ = -1;
};

int download(const Args& args) {
  if (args.positionals().size() < 2) throw UsageError("download needs at least one model ID");
  const fs::path dir = models_dir(args);
  DownloadOptions options;
  if (const char* token = std::getenv("HF_TOKEN"); token && *token) options.hub.token = token;
  JobControl job;
  InterruptScope interrupt(job);
  job.on_log = [](LogLevel level, const std::string& message) {
    if (level != LogLevel::Info) std::cerr << "sa3 models: " << message << '\n';
  };
  ProgressPrinter printer;
  for (std::size_t i = 1; i < args.positionals().size(); ++i) {
    const std::string& id = args.positionals()[i];
    job.on_progress = [&](double done, double total, const std::string& what) { printer.update(id, done, total, what); };
    const auto result = download_model(dir, id, options, job);
    printer.finish();
    if (!result) return report_failure(result.error());
    std::cout << id << ": " << to_string(result->state) << ", " << human_size(result->size_bytes) << " in "
              << result->folder.string() << '\n';
  }
  return kExitOk;
}

int verify(const Args& args) {
  const fs::path dir = models_dir(args);
  std::vector<std::string> ids(args.positionals().begin() + 1, args.positionals().end());
  if (ids.empty()) {
    const auto statuses = model_statuses(dir);
    if (!statuses) return report_failure(statuses.error());
    for (const ModelStatus& s : *statuses)
      if (s.state != ModelState::Missing) ids.push_back(s.info.id);
    if (ids.empty()) {
      std::cout << "No models in " << dir.string() << '\n';
      return kExitOk;
    }
  }
  JobControl job;
  InterruptScope interrupt(job);
  bool all_good = true;
  for (const std::string& id : ids) {
    const auto status = verify_model(dir, id, job);
    if (!status) return report_failure(status.error());
    print_status_line(*status);
    if (status->state == ModelState::Present && !status->hashes_checked)
      std::cout << "    no download record: headers checked, hashes unknown (`sa3 models download " << id
                << "` checks the files against the hub and records them)\n";
    all_good = all_good && status->state == ModelState::Present;
  }
  return all_good ? kExitOk : kExitFailed;
}

int path(const Args& args) {
  args.expect_positionals(1, 2);
  const fs::path dir = models_dir(args);
  if (args.positionals().size() == 1) {
    std::cout << dir.string() << '\n';
    return kExitOk;
  }
  const auto status = model_status(dir, args.positionals()[1]);
  if (!status) return report_failure(status.error());
  std::cout << status->folder.string() << '\n';
  return kExitOk;
}

int run_list(const std::vector<std::string>& argv) { return list(Args(argv, {"--json"}, {"--models"})); }
int run_download(const std::vector<std::string>& argv) { return download(Args(argv, {}, {"--models"})); }
int run_verify(const std::vector<std::string>& argv) { return verify(Args(argv, {}, {"--models"})); }
int run_path(const std::vector<std::string>& argv) { return path(Args(argv, {}, {"--models"})); }

struct ModelsSubcommand {
  const char* name;
  int (*run)(const std::vector<std::string>& args);  // args include the subcommand name
};

// One row per subcommand; a subcommand in another file declares its entry in commands.h.
const ModelsSubcommand kModelsSubcommands[] = {
    {"list", run_list},
    {"download", run_download},
    {"verify", run_verify},
    {"path", run_path},
    {"make-tiny", run_models_make_tiny},
};

}  // namespace

int run_models(const std::vector<std::string>& argv) {
  if (argv.empty()) throw UsageError("missing subcommand");
  for (const ModelsSubcommand& sub : kModelsSubcommands)
    if (argv[0] == sub.name) return sub.run(argv);
  std::string known;
  for (const ModelsSubcommand& sub : kModelsSubcommands) known += (known.empty() ? "" : ", ") + std::string(sub.name);
  throw UsageError("unknown subcommand '" + argv[0] + "' (expected " + known + ")");
}

}  // namespace sa3::cli
