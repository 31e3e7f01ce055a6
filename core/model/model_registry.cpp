// SPDX-License-Identifier: GPL-3.0-or-later
// Built-in model configs. Values follow spec/sa3-model.md (§1.2 table, §3 SAME config, §4
// conditioners, §5.4 sampling); the tiny scale keeps every structural switch (differential
// attention, SAME-L band attention vs SAME-S chunks, memory tokens, 4096 samples per latent)
// and shrinks only widths and depths.
#include "model/model_registry.h"

#include <algorithm>

#include "model/t5gemma/tiny_tokenizer.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

using nlohmann::json;

json same_config(bool medium, ModelScale scale, int64_t latent_dim) {
  const bool tiny = scale == ModelScale::Tiny;
  json encoder = {{"in_channels", 512},
                  {"channels", tiny ? 32 : (medium ? 256 : 128)},
                  {"c_mults", {tiny ? 2 : 6}},
                  {"strides", {16}},
                  {"latent_dim", latent_dim},
                  {"transformer_depths", {tiny ? 2 : (medium ? 12 : 6)}},
                  {"dim_heads", 64},
                  {"differential", true},
                  {"dyt", true},
                  {"variable_stride", true},
                  {"ff_mult", tiny ? 1.0 : 3.0}};
  if (medium) {
    encoder["sliding_window"] = {1, 1};
  } else {
    encoder["chunk_size"] = 32;
    encoder["chunk_midpoint_shift"] = true;
  }
  json decoder = encoder;
  decoder.erase("in_channels");
  decoder["out_channels"] = 512;
  decoder["conv_mapping"] = !medium;
  decoder["sinusoidal_blocks"] = {medium ? (tiny ? 1 : 8) : 0};
  // Deterministic decoding: spec §3 leaves the real mask_noise unconfirmed, and renders must
  // repeat exactly for the same seed.
  decoder["mask_noise"] = 0.0;
  return {{"encoder", {{"type", "same"}, {"config", encoder}}},
          {"decoder", {{"type", "same"}, {"config", decoder}}},
          {"bottleneck",
           {{"type", "softnorm"},
            {"config", {{"dim", latent_dim}, {"noise_augment_dim", 0}, {"noise_regularize", false}, {"auto_scale", true}}}}},
          {"pretransform", {{"type", "patched"}, {"config", {{"channels", 2}, {"patch_size", 256}}}}},
          {"latent_dim", latent_dim},
          {"downsampling_ratio", 4096},
          {"io_channels", 2},
          {"sample_rate", 44100}};
}

json dit_config(bool medium, ModelScale scale, int64_t latent_dim, int64_t cond_dim) {
  const bool tiny = scale == ModelScale::Tiny;
  const int64_t embed = tiny ? 64 : (medium ? 1536 : 1024);
  return {{"io_channels", latent_dim},
          {"patch_size", 1},
          {"embed_dim", embed},
          {"depth", tiny ? 2 : (medium ? 24 : 20)},
          {"num_heads", embed / 64},
          {"cond_token_dim", cond_dim},
          {"global_cond_dim", cond_dim},
          {"local_add_cond_dim", latent_dim + 1},
          {"num_memory_tokens", tiny ? 4 : 64},
          {"timestep_features_dim", tiny ? 64 : 256},
          {"timestep_features_type", "expo"},
          {"global_cond_type", "adaLN"},
          {"timestep_cond_type", "global"},
          {"norm_type", "rms_norm"},
          {"transformer_type", "continuous_transformer"},
          {"project_cond_tokens", true},
          {"project_global_cond", true},
          {"ff_kwargs", {{"mult", tiny ? 1.0 : 4.0}}},
          {"attn_kwargs", {{"differential", medium}, {"qk_norm", "rms"}}}};
}

}  // namespace

const std::vector<std::string>& sa3_model_ids() {
  static const std::vector<std::string> ids = {"small-music",      "small-sfx",      "medium",
                                               "small-music-base", "small-sfx-base", "medium-base"};
  return ids;
}

void check_sa3_model_id(const std::string& id) {
  const auto& ids = sa3_model_ids();
  if (std::find(ids.begin(), ids.end(), id) != ids.end()) return;
  std::string valid;
  for (const auto& i : ids) valid += (valid.empty() ? "" : ", ") + i;
  throw_invalid("model: unknown id '" + id + "' (expected one of " + valid + ")");
}

bool is_post_trained(const std::string& id) { return !id.ends_with("-base"); }

bool is_medium(const std::string& id) { return id.starts_with("medium"); }

json builtin_model_config(const std::string& id, ModelScale scale) {
  check_sa3_model_id(id);
  const bool medium = is_medium(id);
  const bool tiny = scale == ModelScale::Tiny;
  const int64_t latent_dim = tiny ? 16 : 256;
  const int64_t cond_dim = tiny ? 64 : 768;
  // Native lengths (spec §1.2): small 1300 latents (unconfirmed), medium 4096 latents.
  const int64_t sample_size = (medium ? 4096 : 1300) * 4096;
  const std::string repo = "stabilityai/stable-audio-3-" + id;
  json conditioning = {
      {"cond_dim", cond_dim},
      {"configs",
       {{{"id", "prompt"},
         {"type", "t5gemma"},
         {"config", {{"max_length", tiny ? 32 : 256}, {"padding_mode", "learned"}, {"repo_id", repo},
                     {"subfolder", "t5gemma-b-b-ul2"}}}},
        {{"id", "seconds_total"},
         {"type", "number"},
         {"config", {{"min_val", 0}, {"max_val", 384}, {"fourier_features_type", "expo"}}}}}}};
  json diffusion = {{"diffusion_objective", is_post_trained(id) ? "rf_denoiser" : "rectified_flow"},
                    {"config", dit_config(medium, scale, latent_dim, cond_dim)},
                    {"cross_attention_cond_ids", {"prompt", "seconds_total"}},
                    {"global_cond_ids", {"seconds_total"}},
                    {"local_add_cond_ids", {"inpaint_mask", "inpaint_masked_input"}},
                    {"mask_padding_attention", true},
                    {"use_effective_length_for_schedule", true},
                    {"distribution_shift_options",
                     {{"type", "full"}, {"base_shift", 0.5}, {"max_shift", 1.15}, {"min_length", 256}, {"max_length", 4096}}}};
  return {{"model_type", "diffusion_cond"},
          {"sample_size", sample_size},
          {"sample_rate", 44100},
          {"audio_channels", 2},
          {"model",
           {{"io_channels", latent_dim},
            {"pretransform", {{"type", "autoencoder"}, {"chunked", false}, {"config", same_config(medium, scale, latent_dim)}}},
            {"conditioning", conditioning},
            {"diffusion", diffusion}}}};
}

json builtin_t5gemma_config(ModelScale scale) {
  const bool tiny = scale == ModelScale::Tiny;
  const int64_t layers = tiny ? 2 : 12;
  json layer_types = json::array();
  for (int64_t i = 0; i < layers; ++i) layer_types.push_back(i % 2 == 0 ? "sliding_attention" : "full_attention");
  return {{"vocab_size", tiny ? kTinyTokenizerVocabSize : 256000},
          {"hidden_size", tiny ? 64 : 768},
          {"intermediate_size", tiny ? 128 : 2048},
          {"num_hidden_layers", layers},
          {"num_attention_heads", tiny ? 1 : 12},
          {"num_key_value_heads", tiny ? 1 : 12},
          {"head_dim", 64},
          {"query_pre_attn_scalar", 64},
          {"attn_logit_softcapping", 50.0},
          {"rms_norm_eps", 1e-6},
          {"rope_theta", 10000.0},
          {"sliding_window", 4096},
          {"layer_types", layer_types},
          {"hidden_activation", "gelu_pytorch_tanh"},
          {"pad_token_id", 0}};
}

}  // namespace sa3
