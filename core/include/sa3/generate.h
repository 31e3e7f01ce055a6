// SPDX-License-Identifier: GPL-3.0-or-later
// Generate audio with a Stable Audio 3 model, optionally with LoRAs: the audition page, the
// validation demos of a training run and `sa3 generate` all render through this facade.
//
// Lifecycle: Generator::open loads one model folder (DiT, conditioners, T5Gemma, SAME) once;
//   render() may then be called any number of times with different prompts, seeds and LoRAs.
//   LoRA files are read on first use and kept; a render without LoRAs uses the plain weights.
//   generate() is the one-shot form (open + render) for the CLI.
// Ownership: the caller owns the Generator (unique_ptr); results are plain values.
// Threading: a Generator is not thread-safe: one render at a time, from any one worker thread
//   at a time. Never call it on the GUI thread. JobControl sinks are called on that thread.
// Errors: every function returns sa3::Result; messages name the file, field or tensor key
//   (a LoRA trained for another model is refused, naming both models).
// Cancellation: render() checks the JobControl before each sampler step and before decoding,
//   and returns a cancelled Result; the Generator stays usable.
//
//   sa3::GenerateSettings s;
//   s.prompt = "warm analog pad, slow attack";  s.seconds = 10;  s.seed = 7;
//   auto gen = sa3::Generator::open({sa3::default_models_dir(), "small-music", "auto"}, job);
//   auto base = (*gen)->render(s, job);                       // the base model
//   s.loras.push_back({"run/lora.safetensors", 0.8});
//   auto tuned = (*gen)->render(s, job);                      // same seed, same noise, LoRA on
//   sa3::write_audio("tuned.wav", *tuned);           // sa3/audio.h
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sa3/audio.h"
#include "sa3/error.h"
#include "sa3/job_control.h"

namespace sa3 {

// One LoRA applied at inference (upstream models/lora/loader.py; spec §6.8).
struct LoraUse {
  std::filesystem::path path;  // upstream-layout .safetensors (ours or any upstream LoRA)
  double strength = 1.0;       // 0 = off; 1 = as trained
  // Active only at sampler timesteps t with interval_low <= t <= interval_high (t = 1 is pure
  // noise). The full [0, 1] lets the LoRA be merged into the weights once per render.
  double interval_low = 0.0;
  double interval_high = 1.0;
};

enum class SamplerKind {
  Auto,      // ping-pong for post-trained models, Euler for base models
  PingPong,  // distilled models: few steps, no CFG
  Euler,     // base models: many steps with CFG/APG
};

struct GenerateSettings {
  std::string prompt;
  double seconds = 10.0;  // requested duration; the result has exactly this many samples
  uint64_t seed = 0;      // same seed, same model, same settings: identical audio
  int steps = 0;          // 0 = the model's default (8 ping-pong; 50 Euler)
  double cfg_scale = -1;  // < 0 = the model's default (1 post-trained; 7 base)
  double apg_scale = 1.0;  // 1 = adaptive projected guidance, 0 = vanilla CFG
  SamplerKind sampler = SamplerKind::Auto;
  // Composed in this order, as upstream stacks parametrizations.
  std::vector<LoraUse> loras;
};

struct ModelSelection {
  std::filesystem::path models_dir;  // holds <model>/model_config.json etc.; see contracts.md
  std::string model = "small-music";  // model id: small-music, medium, small-music-base, ...
  std::string device = "auto";        // auto (CUDA when available), cpu or cuda
};

class Generator {
 public:
  // Loads the model folder models_dir/model. Reports loading progress through `job`.
  static Result<std::unique_ptr<Generator>> open(const ModelSelection& selection, JobControl& job);
  ~Generator();
  Generator(const Generator&) = delete;
  Generator& operator=(const Generator&) = delete;

  const std::string& model() const;
  const std::string& device() const;  // "cpu" or "cuda", as resolved
  int sample_rate() const;
  // True for the post-trained (distilled) models, which default to ping-pong at CFG 1.
  bool post_trained() const;

  // Stereo audio at sample_rate(), clamped to [-1, 1], exactly settings.seconds long.
  // Progress: one update per sampler step (what = "step"), then "decode".
  Result<AudioBuffer> render(const GenerateSettings& settings, JobControl& job);

 private:
  struct State;
  explicit Generator(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// open() + render() for one-off use.
Result<AudioBuffer> generate(const ModelSelection& selection, const GenerateSettings& settings,
                             JobControl& job);

// Validation demos of a training run (contracts.md: <run>/demos/step-NNNNNN/).
struct DemoRequest {
  std::filesystem::path run_dir;
  int64_t step = 0;                   // the training step; 0 renders the baseline
  std::vector<std::string> prompts;   // studio.demo_prompts
  std::vector<uint64_t> seeds;        // studio.demo_seeds; every prompt × every seed
  double seconds = 10.0;              // studio.demo_seconds
  // The adapter to hear (e.g. <run>/checkpoints/step-000250/adapter.safetensors); empty for
  // the step-0 baseline.
  std::filesystem::path lora;
  double strength = 1.0;
  int steps = 0;                      // as GenerateSettings (0 = the model's default)
  double cfg_scale = -1;
};

// Renders every prompt × seed to <run>/demos/step-NNNNNN/<prompt-index>-<seed>.wav and writes
// demo.json there last (its presence marks the set complete). Returns the folder. A failed or
// cancelled demo never touches checkpoints; a folder without demo.json is incomplete.
// Progress: the renders' "step" updates, then done/total demos with what = "demo".
Result<std::filesystem::path> render_demos(Generator& generator, const DemoRequest& request,
                                           JobControl& job);

}  // namespace sa3
