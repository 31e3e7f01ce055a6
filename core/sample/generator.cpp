// SPDX-License-Identifier: GPL-3.0-or-later
// The generate facade: Generator (a loaded model plus its inference LoRAs) and generate().
#include "sa3/generate.h"

#include <ATen/Context.h>

#include "io/safetensors_reader.h"
#include "model/sa3_model.h"
#include "model/tensor_io.h"
#include "sample/inference_loras.h"
#include "sample/lora_compatibility.h"
#include "sample/render_pipeline.h"

namespace sa3 {
namespace {

c10::Device resolve_device(const std::string& device) {
  if (device == "cpu") return c10::kCPU;
  if (device == "auto") return at::hasCUDA() ? c10::Device(c10::kCUDA) : c10::Device(c10::kCPU);
  if (device == "cuda") {
    if (!at::hasCUDA()) throw_environment("device: cuda was asked for, but this build or machine has no CUDA device");
    return c10::kCUDA;
  }
  throw_invalid("device: expected auto, cpu or cuda, got '" + device + "'");
}

void check_settings(const GenerateSettings& s) {
  if (!(s.seconds > 0)) throw_invalid("seconds: must be positive");
  if (s.steps < 0) throw_invalid("steps: must be positive (0 = the model's default)");
  if (s.apg_scale < 0 || s.apg_scale > 1) throw_invalid("apg_scale: must be between 0 and 1");
  for (const LoraUse& lora : s.loras) {
    if (!(lora.interval_low >= 0 && lora.interval_low <= lora.interval_high && lora.interval_high <= 1)) {
      throw_invalid(lora.path.string() + ": the sigma interval must satisfy 0 <= low <= high <= 1");
    }
  }
}

}  // namespace

struct Generator::State {
  std::unique_ptr<Sa3Model> model;
  std::unique_ptr<SafetensorsFile> checkpoint;  // mapped: the pristine weights LoRAs merge from
  std::unique_ptr<InferenceLoras> loras;
  std::string device;
};

Generator::Generator(std::unique_ptr<State> state) : state_(std::move(state)) {}
Generator::~Generator() = default;

Result<std::unique_ptr<Generator>> Generator::open(const ModelSelection& selection, JobControl& job) {
  return capture([&] {
    check_sa3_model_id(selection.model);
    const c10::Device device = resolve_device(selection.device);
    const auto folder = selection.models_dir / selection.model;
    if (!std::filesystem::is_directory(folder)) {
      throw_invalid(folder.string() + ": model '" + selection.model + "' is not in the models folder; run `sa3 models download " +
                    selection.model + "` (or `sa3 models make-tiny` for a test model)");
    }
    auto state = std::make_unique<State>();
    Sa3LoadOptions options;
    options.device = device;
    // Upstream renders in fp16 on CUDA (model_half) and fp32 elsewhere.
    options.dtype = device.is_cuda() ? c10::kHalf : c10::kFloat;
    state->model = load_sa3_model(selection.model, Sa3ModelPaths::in_folder(folder), options, &job);
    state->checkpoint = std::make_unique<SafetensorsFile>(SafetensorsFile::open(state->model->paths.checkpoint));
    state->device = device.is_cuda() ? "cuda" : "cpu";
    Sa3Model& model = *state->model;
    const SafetensorsFile& file = *state->checkpoint;
    state->loras = std::make_unique<InferenceLoras>(
        std::vector<InferenceLoras::Root>{{"model", model.dit.get(), true},
                                          {"conditioners.seconds_total", model.seconds_conditioner.get(), false}},
        [&file](const std::string& module) {
          // LoRA names are relative to upstream's DiTWrapper (model.*) and MultiConditioner
          // (conditioners.*); the checkpoint nests both once more.
          const std::string prefix = module.starts_with("model.") ? "model." : "conditioner.";
          return load_tensor(file, prefix + module + ".weight");
        });
    return std::unique_ptr<Generator>(new Generator(std::move(state)));
  });
}

const std::string& Generator::model() const { return state_->model->id; }
const std::string& Generator::device() const { return state_->device; }
int Generator::sample_rate() const { return static_cast<int>(state_->model->config.sample_rate); }
bool Generator::post_trained() const { return state_->model->post_trained(); }

Result<AudioBuffer> Generator::render(const GenerateSettings& settings, JobControl& job) {
  return capture([&] {
    check_settings(settings);
    for (const LoraUse& lora : settings.loras) check_lora_fits_model(lora.path, state_->model->id);
    if (settings.loras.empty()) {
      state_->loras->restore();
    } else {
      state_->loras->select(settings.loras);
    }
    const at::Tensor audio = render_audio(*state_->model, settings, state_->loras.get(), job);
    AudioBuffer out;
    out.sample_rate = sample_rate();
    out.channels = static_cast<int>(audio.size(0));
    const at::Tensor interleaved = audio.t().contiguous();
    const float* data = interleaved.data_ptr<float>();
    out.samples.assign(data, data + interleaved.numel());
    return out;
  });
}

Result<AudioBuffer> generate(const ModelSelection& selection, const GenerateSettings& settings, JobControl& job) {
  auto generator = Generator::open(selection, job);
  if (!generator) return generator.error();
  return (*generator)->render(settings, job);
}

}  // namespace sa3
