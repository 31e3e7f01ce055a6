// SPDX-License-Identifier: GPL-3.0-or-later
// `sa3 generate`: render a prompt with a Stable Audio 3 model, optionally with LoRAs, to a file.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "interrupt_scope.h"
#include "sa3/audio.h"
#include "sa3/generate.h"
#include "sa3/paths.h"

namespace sa3::cli {

const char* const kGenerateUsage =
    "Usage: sa3 generate --prompt TEXT -o OUT.wav [--models DIR] [--model ID] [--seconds S]\n"
    "                    [--seed N] [--steps N] [--cfg X] [--apg X] [--sampler auto|pingpong|euler]\n"
    "                    [--lora FILE[,FILE...] [--strength X[,X...]] [--lora-interval LO:HI]]\n"
    "                    [--device auto|cpu|cuda]\n"
    "\n"
    "Renders TEXT for S seconds (default 10) with model ID (default small-music) from DIR (default\n"
    "the studio's models folder). The same seed and settings give the same audio.\n"
    "\n"
    "--steps, --cfg  default to the model's: 8 ping-pong steps at CFG 1 for small-music, small-sfx\n"
    "                and medium; 50 Euler steps at CFG 7 for the -base models.\n"
    "--apg           adaptive projected guidance, 1 (default) to 0 (plain CFG); base models only.\n"
    "--lora          LoRA files (upstream layout, e.g. RUN/lora.safetensors), applied in order. A\n"
    "                LoRA trained on X-base is auditioned on X; one for another model is refused.\n"
    "--strength      one per LoRA (default 1; 0 renders the base model).\n"
    "--lora-interval the noise levels t (1 = noise, 0 = clean) where the LoRAs act (default 0:1).\n"
    "-o, --out       the audio file; its extension picks the format (.wav, .flac, .ogg, ...).\n"
    "\n"
    "Exit status: 0 written, 1 failed, 2 bad usage or input, 130 interrupted (Ctrl+C).\n";

namespace {

double number(const std::string& text, const std::string& option) {
  try {
    size_t used = 0;
    const double v = std::stod(text, &used);
    if (used == text.size()) return v;
  } catch (const std::exception&) {
  }
  throw UsageError(option + ": expected a number, got '" + text + "'");
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) parts.push_back(part);
  return parts;
}

std::vector<LoraUse> lora_uses(const Args& args) {
  std::vector<LoraUse> uses;
  const auto loras = args.option("--lora");
  if (!loras) {
    if (args.option("--strength") || args.option("--lora-interval")) {
      throw UsageError("--strength and --lora-interval need --lora");
    }
    return uses;
  }
  const auto paths = split(*loras);
  std::vector<double> strengths(paths.size(), 1.0);
  if (const auto s = args.option("--strength")) {
    const auto parts = split(*s);
    if (parts.size() != paths.size()) throw UsageError("--strength: give one value per --lora file");
    for (size_t i = 0; i < parts.size(); ++i) strengths[i] = number(parts[i], "--strength");
  }
  double low = 0, high = 1;
  if (const auto interval = args.option("--lora-interval")) {
    const auto colon = interval->find(':');
    if (colon == std::string::npos) throw UsageError("--lora-interval: expected LO:HI, e.g. 0.2:1");
    low = number(interval->substr(0, colon), "--lora-interval");
    high = number(interval->substr(colon + 1), "--lora-interval");
  }
  for (size_t i = 0; i < paths.size(); ++i) uses.push_back({paths[i], strengths[i], low, high});
  return uses;
}

SamplerKind sampler_kind(const std::string& name) {
  if (name == "auto") return SamplerKind::Auto;
  if (name == "pingpong") return SamplerKind::PingPong;
  if (name == "euler") return SamplerKind::Euler;
  throw UsageError("--sampler: expected auto, pingpong or euler, got '" + name + "'");
}

int report_failure(const Failure& f) {
  if (f.cancelled()) {
    std::cerr << "sa3 generate: interrupted\n";
    return kExitStopped;
  }
  std::cerr << "sa3 generate: " << f.message << '\n';
  return f.kind == ErrorKind::InvalidInput ? kExitUsage : kExitFailed;
}

}  // namespace

int run_generate(const std::vector<std::string>& argv) {
  const Args args(argv, {},
                  {"--models", "--model", "--prompt", "--seconds", "--seed", "--steps", "--cfg", "--apg", "--sampler",
                   "--lora", "--strength", "--lora-interval", "--device", "--out"});
  args.expect_positionals(0, 0);
  ModelSelection selection;
  selection.models_dir = args.option_or("--models", default_models_dir().string());
  selection.model = args.option_or("--model", "small-music");
  selection.device = args.option_or("--device", "auto");
  GenerateSettings settings;
  settings.prompt = args.required_option("--prompt");
  const std::string out = args.required_option("--out");
  settings.seconds = number(args.option_or("--seconds", "10"), "--seconds");
  const double seed = number(args.option_or("--seed", "0"), "--seed");
  if (seed < 0 || seed != static_cast<double>(static_cast<uint64_t>(seed))) {
    throw UsageError("--seed: expected a whole number >= 0");
  }
  settings.seed = static_cast<uint64_t>(seed);
  if (const auto steps = args.option("--steps")) {
    const double n = number(*steps, "--steps");
    if (n < 1 || n != static_cast<int>(n)) throw UsageError("--steps: expected a whole number >= 1");
    settings.steps = static_cast<int>(n);
  }
  if (const auto cfg = args.option("--cfg")) settings.cfg_scale = number(*cfg, "--cfg");
  if (const auto apg = args.option("--apg")) settings.apg_scale = number(*apg, "--apg");
  settings.sampler = sampler_kind(args.option_or("--sampler", "auto"));
  settings.loras = lora_uses(args);

  JobControl job;
  // JobControl throttles updates, so "decode" may arrive only as its final (1/1) update: whichever
  // comes first ends the "\rstep n/N" line, and so does the end of the call.
  bool step_line_open = false;
  bool decode_announced = false;
  job.on_progress = [&](double done, double total, const std::string& what) {
    if (what == "step") {
      std::fprintf(stderr, "\rstep %d/%d", static_cast<int>(done), static_cast<int>(total));
      step_line_open = true;
    } else if (what == "decode" && !decode_announced) {
      std::fprintf(stderr, "%sdecoding\n", step_line_open ? "\n" : "");
      step_line_open = false;
      decode_announced = true;
    }
  };
  const auto started = std::chrono::steady_clock::now();
  auto audio = [&] {
    const InterruptScope interrupt(job);
    return generate(selection, settings, job);
  }();
  if (step_line_open) std::fprintf(stderr, "\n");
  if (!audio) return report_failure(audio.error());
  const Status written = write_audio(out, *audio);
  if (!written) return report_failure(written.error());
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%s: %.2f s of %s, seed %llu, rendered in %.1f s\n", out.c_str(), audio->duration_s(),
              selection.model.c_str(), static_cast<unsigned long long>(settings.seed), elapsed);
  return kExitOk;
}

}  // namespace sa3::cli
