// SPDX-License-Identifier: GPL-3.0-or-later
// Sa3Model: config parsing, loading, random construction and tiny model folders.
#include "model/sa3_model.h"

#include <ATen/core/grad_mode.h>
#include <torch/utils.h>

#include "base/atomic_file.h"
#include "io/safetensors_reader.h"
#include "model/autoencoders/same_presets.h"
#include "model/state_dict.h"
#include "model/t5gemma/tiny_tokenizer.h"
#include "model/tensor_io.h"
#include "sa3/error.h"
#include "sa3/job_control.h"

namespace sa3 {
namespace {

using nlohmann::json;

constexpr const char* kDitPrefix = "model.model.";
constexpr const char* kSecondsPrefix = "conditioner.conditioners.seconds_total.";
constexpr const char* kPaddingKey = "conditioner.conditioners.prompt.padding_embedding";
constexpr const char* kPretransformPrefix = "pretransform.";
constexpr const char* kT5Prefix = "model.encoder.";
constexpr const char* kT5Folder = "t5gemma-b-b-ul2";

const json& member(const json& j, const char* key, const std::string& where) {
  if (!j.is_object() || !j.contains(key)) throw_invalid(where + ": missing '" + key + "'");
  return j.at(key);
}

int64_t int_member(const json& j, const char* key, const std::string& where) {
  const json& v = member(j, key, where);
  if (!v.is_number_integer() || v.get<int64_t>() <= 0) {
    throw_invalid(where + ": '" + key + "' must be a positive integer, got " + v.dump());
  }
  return v.get<int64_t>();
}

json read_json(const std::filesystem::path& path) {
  json j = json::parse(read_file(path), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw_invalid(path.string() + ": not valid JSON");
  return j;
}

// Keys of the file under a module's prefix that the module does not have mean the checkpoint
// was made for another architecture.
void load_module(torch::nn::Module& module, const SafetensorsFile& file, const std::string& prefix,
                 const std::string& id) {
  const auto unused = load_state_dict(module, file, prefix);
  if (!unused.empty()) {
    throw_invalid(file.path().string() + ": tensor '" + unused.front() + "' is not part of a " + id +
                  " model (" + std::to_string(unused.size()) +
                  " unexpected tensors); the folder holds a different model than its config describes");
  }
}

void copy_state(const torch::nn::Module& from, torch::nn::Module& to) {
  at::NoGradGuard no_grad;
  auto params = to.named_parameters();
  for (const auto& p : from.named_parameters()) params[p.key()].copy_(p.value());
  auto buffers = to.named_buffers();
  for (const auto& b : from.named_buffers()) buffers[b.key()].copy_(b.value());
}

struct Modules {
  DiffusionTransformer dit{nullptr};
  NumberConditioner seconds{nullptr};
  AutoencoderPretransform pretransform{nullptr};
};

Modules build_modules(const Sa3ModelConfig& config) {
  return {DiffusionTransformer(config.dit), NumberConditioner(config.seconds),
          AutoencoderPretransform(config.pretransform)};
}

void check_objective(const std::string& id, const Sa3ModelConfig& config, const std::string& where) {
  const bool post_trained = config.diffusion_objective == "rf_denoiser";
  if (post_trained == is_post_trained(id)) return;
  throw_invalid(where + ": the folder for '" + id + "' holds a " + (post_trained ? "post-trained" : "base") +
                " model (diffusion_objective " + config.diffusion_objective + "); " + id + " is a " +
                (is_post_trained(id) ? "post-trained" : "base") + " model. Put each model in the folder named after its id.");
}

void finish(Sa3Model& model, Modules modules, T5GemmaEncoder t5, const Sa3LoadOptions& options) {
  model.device = options.device;
  model.dtype = options.dtype;
  modules.dit->to(options.device, options.dtype);
  modules.seconds->to(options.device, options.dtype);
  modules.pretransform->to(options.device, options.dtype);
  t5->to(options.device, options.dtype);
  for (torch::nn::Module* m : {static_cast<torch::nn::Module*>(modules.dit.get()),
                               static_cast<torch::nn::Module*>(modules.seconds.get()),
                               static_cast<torch::nn::Module*>(modules.pretransform.get()),
                               static_cast<torch::nn::Module*>(t5.get())}) {
    m->eval();
    for (auto& p : m->parameters()) p.set_requires_grad(false);
  }
  model.prompt_padding_embedding = model.prompt_padding_embedding.to(options.device, options.dtype);
  model.dit = modules.dit;
  model.seconds_conditioner = modules.seconds;
  model.pretransform = modules.pretransform;
  model.t5gemma = t5;
}

}  // namespace

Sa3ModelConfig Sa3ModelConfig::from_json(const json& config, const std::string& where) {
  Sa3ModelConfig c;
  const json& model = member(config, "model", where);
  const json& diffusion = member(model, "diffusion", where + ": model");
  const json& objective = member(diffusion, "diffusion_objective", where + ": model.diffusion");
  if (!objective.is_string() || (objective != "rf_denoiser" && objective != "rectified_flow")) {
    throw_invalid(where + ": model.diffusion.diffusion_objective must be \"rf_denoiser\" or \"rectified_flow\", got " +
                  objective.dump());
  }
  c.diffusion_objective = objective.get<std::string>();
  c.sample_size = int_member(config, "sample_size", where);
  if (config.contains("sample_rate")) c.sample_rate = int_member(config, "sample_rate", where);
  c.latent_channels = int_member(model, "io_channels", where + ": model");
  c.dit = DiffusionTransformerOptions::from_json(member(diffusion, "config", where + ": model.diffusion"),
                                                 where + ": model.diffusion.config");
  const json& pretransform = member(model, "pretransform", where + ": model");
  c.pretransform = AutoencoderPretransformOptions::from_json(pretransform);
  c.downsampling_ratio = c.pretransform.model.downsampling_ratio;
  // Upstream model.py: _adapt_sample_size reads the encoder's chunk_size with default 32.
  const json& encoder = pretransform.at("config").at("encoder").at("config");
  const int64_t chunk_size = encoder.value("chunk_size", int64_t{32});
  c.latent_align = std::max<int64_t>(1, chunk_size / c.pretransform.model.encoder.strides.at(0));
  if (diffusion.contains("sampling_distribution_shift_options")) {
    c.sampling_shift = diffusion.at("sampling_distribution_shift_options");
  }

  const json& conditioning = member(model, "conditioning", where + ": model");
  const int64_t cond_dim = int_member(conditioning, "cond_dim", where + ": model.conditioning");
  bool have_prompt = false, have_seconds = false;
  for (const json& cond : member(conditioning, "configs", where + ": model.conditioning")) {
    const std::string id = cond.value("id", std::string());
    const json cfg = cond.value("config", json::object());
    if (id == "prompt") {
      have_prompt = true;
      c.prompt_max_length = cfg.value("max_length", int64_t{256});
      if (cfg.value("padding_mode", std::string("learned")) != "learned") {
        throw_invalid(where + ": conditioning 'prompt' must use padding_mode \"learned\"");
      }
    } else if (id == "seconds_total") {
      have_seconds = true;
      c.seconds = NumberConditionerOptions::from_json(cfg, cond_dim, where + ": conditioning 'seconds_total'");
    }
  }
  if (!have_prompt || !have_seconds) {
    throw_invalid(where + ": model.conditioning.configs needs the 'prompt' and 'seconds_total' conditioners");
  }
  if (c.dit.io_channels != c.latent_channels || c.pretransform.model.latent_dim != c.latent_channels) {
    throw_invalid(where + ": model.io_channels " + std::to_string(c.latent_channels) +
                  " disagrees with the DiT io_channels or the autoencoder latent_dim");
  }
  if (c.dit.cond_token_dim != cond_dim || c.dit.global_cond_dim != cond_dim) {
    throw_invalid(where + ": the DiT's cond_token_dim/global_cond_dim must equal conditioning.cond_dim " +
                  std::to_string(cond_dim));
  }
  return c;
}

Sa3ModelPaths Sa3ModelPaths::in_folder(const std::filesystem::path& folder) {
  Sa3ModelPaths p;
  p.checkpoint = folder / "model.safetensors";
  p.model_config = folder / "model_config.json";
  p.t5gemma_config = folder / kT5Folder / "config.json";
  p.t5gemma_weights = folder / kT5Folder / "model.safetensors";
  p.tokenizer = folder / kT5Folder / "tokenizer.model";
  return p;
}

std::unique_ptr<Sa3Model> load_sa3_model(const std::string& id, const Sa3ModelPaths& paths,
                                         const Sa3LoadOptions& options, JobControl* job) {
  check_sa3_model_id(id);
  auto model = std::make_unique<Sa3Model>();
  model->id = id;
  model->paths = paths;
  const std::string config_where = paths.model_config.empty() ? "built-in config of " + id : paths.model_config.string();
  const json config_json = paths.model_config.empty() ? builtin_model_config(id, ModelScale::Full) : read_json(paths.model_config);
  model->config = Sa3ModelConfig::from_json(config_json, config_where);
  check_objective(id, model->config, config_where);

  const auto report = [&](double done, const char* what) {
    if (!job) return;
    job->check_cancelled();
    job->progress(done, 4, what);
  };
  report(0, "loading the diffusion model");
  at::NoGradGuard no_grad;
  Modules modules = build_modules(model->config);
  {
    const SafetensorsFile file = SafetensorsFile::open(paths.checkpoint);
    load_module(*modules.dit, file, kDitPrefix, id);
    load_module(*modules.seconds, file, kSecondsPrefix, id);
    const at::Tensor padding = load_tensor(file, kPaddingKey, at::kFloat);
    if (padding.dim() != 1 || padding.size(0) != model->config.dit.cond_token_dim) {
      throw_invalid(paths.checkpoint.string() + ": tensor '" + kPaddingKey + "' has shape " +
                    shape_string(padding.sizes()) + ", the model expects [" +
                    std::to_string(model->config.dit.cond_token_dim) + "]");
    }
    model->prompt_padding_embedding = padding.clone();
    report(1, "loading the autoencoder");
    load_module(*modules.pretransform, file, kPretransformPrefix, id);
  }
  report(2, "loading the text encoder");
  const json t5_json = paths.t5gemma_config.empty() ? builtin_t5gemma_config(ModelScale::Full) : read_json(paths.t5gemma_config);
  T5GemmaEncoder t5(T5GemmaEncoderOptions::from_json(t5_json));
  if (t5->options().hidden_size != model->config.dit.cond_token_dim) {
    throw_invalid(paths.t5gemma_config.string() + ": hidden_size " + std::to_string(t5->options().hidden_size) +
                  " differs from the model's conditioning width " + std::to_string(model->config.dit.cond_token_dim));
  }
  {
    const SafetensorsFile file = SafetensorsFile::open(paths.t5gemma_weights);
    load_state_dict(*t5, file, kT5Prefix);
  }
  report(3, "loading the tokenizer");
  if (paths.tokenizer.empty()) {
    throw_invalid(paths.t5gemma_weights.string() + ": no tokenizer.model beside the text encoder");
  }
  model->tokenizer = std::make_shared<const T5GemmaTokenizer>(paths.tokenizer);
  finish(*model, std::move(modules), t5, options);
  report(4, "loaded");
  return model;
}

std::unique_ptr<Sa3Model> random_sa3_model(const std::string& id, ModelScale scale, const Sa3LoadOptions& options,
                                           uint64_t seed) {
  auto model = std::make_unique<Sa3Model>();
  model->id = id;
  model->config = Sa3ModelConfig::from_json(builtin_model_config(id, scale), "built-in config of " + id);
  at::NoGradGuard no_grad;
  torch::manual_seed(seed);
  Modules modules = build_modules(model->config);
  model->prompt_padding_embedding = at::randn({model->config.dit.cond_token_dim});
  copy_state(*make_random_autoencoder(model->config.pretransform.model, seed + 1), *modules.pretransform->model);
  T5GemmaEncoder t5 =
      make_random_t5gemma_encoder(T5GemmaEncoderOptions::from_json(builtin_t5gemma_config(scale)), seed + 2);
  finish(*model, std::move(modules), t5, options);
  return model;
}

void write_tiny_sa3_model(const std::filesystem::path& models_dir, const std::string& id, uint64_t seed) {
  check_sa3_model_id(id);
  const auto folder = models_dir / id;
  const Sa3ModelPaths paths = Sa3ModelPaths::in_folder(folder);
  std::filesystem::create_directories(paths.tokenizer.parent_path());
  const auto model = random_sa3_model(id, ModelScale::Tiny, {}, seed);

  NamedTensors tensors = state_dict_tensors(*model->dit, kDitPrefix);
  for (auto& t : state_dict_tensors(*model->seconds_conditioner, kSecondsPrefix)) tensors.push_back(std::move(t));
  tensors.emplace_back(kPaddingKey, model->prompt_padding_embedding);
  for (auto& t : state_dict_tensors(*model->pretransform, kPretransformPrefix)) tensors.push_back(std::move(t));
  save_tensors(paths.checkpoint, tensors, {{"sa3studio", "tiny random model of " + id}});
  save_tensors(paths.t5gemma_weights, state_dict_tensors(*model->t5gemma, kT5Prefix), {});
  write_file_atomic(paths.model_config, builtin_model_config(id, ModelScale::Tiny).dump(2) + "\n");
  write_file_atomic(paths.t5gemma_config, builtin_t5gemma_config(ModelScale::Tiny).dump(2) + "\n");
  write_tiny_tokenizer_model(paths.tokenizer);
}

}  // namespace sa3
