// SPDX-License-Identifier: GPL-3.0-or-later
// Sa3Model: everything one Stable Audio 3 checkpoint folder holds, loaded as LibTorch modules:
// the DiT, the seconds_total conditioner, the prompt's learned padding embedding, the T5Gemma
// encoder and tokenizer, and the SAME autoencoder (upstream factory.py + loading_utils.py).
//
// Lifecycle: load_sa3_model() builds the modules from model_config.json and copies the weights
// in (they are not kept mapped); random_sa3_model() builds the same with random weights (benches);
// write_tiny_sa3_model() writes a complete random tiny model folder (tests, `make-tiny`).
// Threading: the bundle is used by one thread at a time. Errors: sa3::Error (InvalidInput)
// naming the file and key, with both shapes for a tensor of the wrong shape, and the folder's
// id against its objective when a folder holds the other family member.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>
#include <nlohmann/json.hpp>

#include "model/conditioners.h"
#include "model/dit.h"
#include "model/model_registry.h"
#include "model/pretransforms/autoencoder_pretransform.h"
#include "model/t5gemma/t5gemma_encoder.h"
#include "model/t5gemma/t5gemma_tokenizer.h"

namespace sa3 {

class JobControl;

// What the pipeline needs from model_config.json besides the module options.
struct Sa3ModelConfig {
  std::string diffusion_objective;   // "rf_denoiser" (post-trained) or "rectified_flow" (base)
  int64_t sample_size = 0;           // native length in samples: renders are capped here
  int64_t sample_rate = 44100;
  int64_t latent_channels = 256;     // model.io_channels
  int64_t downsampling_ratio = 4096;
  int64_t latent_align = 2;          // encoder chunk_size (default 32) / strides[0], in latents
  int64_t prompt_max_length = 256;   // the prompt conditioner's max_length
  nlohmann::json sampling_shift;     // diffusion.sampling_distribution_shift_options, or null
  DiffusionTransformerOptions dit;
  NumberConditionerOptions seconds;
  AutoencoderPretransformOptions pretransform;

  // Parses a model_config.json object; `where` names the file in messages.
  static Sa3ModelConfig from_json(const nlohmann::json& config, const std::string& where);
};

// The files of one model (Hugging Face layout: in_folder()).
struct Sa3ModelPaths {
  std::filesystem::path checkpoint;       // model.safetensors
  std::filesystem::path model_config;     // model_config.json; empty: the built-in config of the id
  std::filesystem::path t5gemma_config;   // t5gemma-b-b-ul2/config.json; empty: built-in
  std::filesystem::path t5gemma_weights;  // t5gemma-b-b-ul2/model.safetensors
  std::filesystem::path tokenizer;        // t5gemma-b-b-ul2/tokenizer.model

  static Sa3ModelPaths in_folder(const std::filesystem::path& folder);
};

struct Sa3LoadOptions {
  c10::Device device = c10::kCPU;
  c10::ScalarType dtype = c10::kFloat;  // DiT, conditioner and SAME; T5Gemma too
};

struct Sa3Model {
  std::string id;
  Sa3ModelConfig config;
  Sa3ModelPaths paths;
  c10::Device device = c10::kCPU;
  c10::ScalarType dtype = c10::kFloat;

  DiffusionTransformer dit{nullptr};                 // checkpoint model.model.*
  NumberConditioner seconds_conditioner{nullptr};    // conditioner.conditioners.seconds_total.*
  at::Tensor prompt_padding_embedding;               // conditioner.conditioners.prompt.padding_embedding
  T5GemmaEncoder t5gemma{nullptr};                   // t5gemma weights model.encoder.*
  std::shared_ptr<const T5GemmaTokenizer> tokenizer;
  AutoencoderPretransform pretransform{nullptr};     // checkpoint pretransform.model.*

  bool post_trained() const { return config.diffusion_objective == "rf_denoiser"; }
};

// Loads `id` from `paths` onto options.device in options.dtype. Reports progress per part.
std::unique_ptr<Sa3Model> load_sa3_model(const std::string& id, const Sa3ModelPaths& paths,
                                         const Sa3LoadOptions& options, JobControl* job = nullptr);

// The same modules with random weights from `seed`, for the benches (no tokenizer).
std::unique_ptr<Sa3Model> random_sa3_model(const std::string& id, ModelScale scale,
                                           const Sa3LoadOptions& options, uint64_t seed);

// Writes <models_dir>/<id>/ with model_config.json, model.safetensors and t5gemma-b-b-ul2/
// {config.json, model.safetensors, tokenizer.model}: a tiny random model of the real
// architecture that every loader and the CLI accept. Same seed, same bytes. Atomic per file.
void write_tiny_sa3_model(const std::filesystem::path& models_dir, const std::string& id, uint64_t seed);

}  // namespace sa3
