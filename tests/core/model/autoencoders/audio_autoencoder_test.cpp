// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of AudioAutoencoder: config validation, shapes, chunked coding and cancellation, on
// tiny random SAME-S/SAME-L style models.
#include "model/autoencoders/audio_autoencoder.h"

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/autoencoders/same_presets.h"
#include "sa3/error.h"
#include "sa3/job_control.h"

namespace sa3 {
namespace {

// A tiny autoencoder config in model_config.json form (D 128, depth 2, latent 16).
nlohmann::json tiny_config(bool same_l) {
  nlohmann::json coder = {{"channels", 64}, {"c_mults", {2}}, {"strides", {16}}, {"transformer_depths", {2}},
                          {"dim_heads", 64}, {"differential", true}, {"dyt", true}, {"variable_stride", true},
                          {"ff_mult", 0.5}, {"latent_dim", 16}};
  if (same_l) {
    coder["sliding_window"] = {1, 1};
  } else {
    coder["chunk_size"] = 32;
    coder["chunk_midpoint_shift"] = true;
  }
  nlohmann::json encoder = coder;
  encoder["in_channels"] = 512;
  nlohmann::json decoder = coder;
  decoder["out_channels"] = 512;
  decoder["conv_mapping"] = !same_l;
  decoder["sinusoidal_blocks"] = {same_l ? 2 : 0};
  return {{"encoder", {{"type", "same"}, {"config", encoder}}},
          {"decoder", {{"type", "same"}, {"config", decoder}}},
          {"bottleneck", {{"type", "softnorm"}, {"config", {{"dim", 16}, {"auto_scale", true}}}}},
          {"pretransform", {{"type", "patched"}, {"config", {{"channels", 2}, {"patch_size", 256}}}}},
          {"latent_dim", 16},
          {"downsampling_ratio", 4096},
          {"io_channels", 2}};
}

AudioAutoencoder tiny_model(bool same_l) {
  return make_random_autoencoder(AudioAutoencoderOptions::from_json(tiny_config(same_l)), 7);
}

TEST(AudioAutoencoderOptions, SA3ModelConfig_ReadsNestedPretransformConfig) {
  const nlohmann::json model = {{"pretransform", {{"type", "autoencoder"}, {"config", tiny_config(true)}}}};
  const AudioAutoencoderOptions o = AudioAutoencoderOptions::from_json(model);
  EXPECT_EQ(o.latent_dim, 16);
  ASSERT_TRUE(o.encoder.sliding_window.has_value());
  EXPECT_EQ((*o.encoder.sliding_window)[1], 1);
  EXPECT_EQ(o.decoder.sinusoidal_blocks, std::vector<int64_t>{2});
}

TEST(AudioAutoencoderOptions, BadConfigs_ThrowInvalidInputNamingTheField) {
  auto message_of = [](const nlohmann::json& config) -> std::string {
    try {
      AudioAutoencoderOptions::from_json(config);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
      return e.what();
    }
    return "no error";
  };
  nlohmann::json c = tiny_config(false);
  c.erase("encoder");
  EXPECT_NE(message_of(c).find("'encoder'"), std::string::npos);
  c = tiny_config(false);
  c["decoder"]["config"]["dyt"] = false;
  EXPECT_NE(message_of(c).find("'dyt'"), std::string::npos);
  c = tiny_config(false);
  c["encoder"]["config"]["channels"] = "wide";
  EXPECT_NE(message_of(c).find("'channels'"), std::string::npos);
  c = tiny_config(false);
  c["latent_dim"] = 32;
  EXPECT_NE(message_of(c).find("'latent_dim'"), std::string::npos);
  c = tiny_config(false);
  c["encoder"]["config"]["chunk_size"] = 24;
  EXPECT_NE(message_of(c).find("'chunk_size'"), std::string::npos);
  c = tiny_config(true);
  c["bottleneck"]["type"] = "vae";
  EXPECT_NE(message_of(c).find("bottleneck.type"), std::string::npos);
}

TEST(AudioAutoencoder, StateDictKeys_AreUpstreamNames) {
  const AudioAutoencoder model = tiny_model(false);
  std::vector<std::string> keys;
  for (const auto& p : model->named_parameters()) keys.push_back(p.key());
  for (const auto& b : model->named_buffers()) keys.push_back(b.key());
  for (const char* expected :
       {"encoder.layers.0.mapping.weight_g", "encoder.layers.0.mapping.weight_v", "encoder.layers.0.new_tokens",
        "encoder.layers.0.transformers.1.self_attn.to_qkv.weight", "encoder.layers.0.transformers.0.ff.ff.0.proj.bias",
        "encoder.layers.0.transformers.0.ff.ff.2.weight", "encoder.layers.0.transformers.0.pre_norm.alpha",
        "encoder.layers.0.transformers.0.self_attn.q_norm.gamma", "encoder.layers.0.transformers.0.rope.inv_freq",
        "encoder.layers.2.weight", "decoder.layers.1.bias", "decoder.layers.3.mapping.weight_v",
        "bottleneck.running_std", "bottleneck.noise_scaling_factor"}) {
    EXPECT_NE(std::find(keys.begin(), keys.end(), expected), keys.end()) << expected;
  }
  EXPECT_EQ(model->decoder->named_parameters()["layers.3.mapping.weight_v"].size(2), 3);  // SAME-S k=3 mapping
}

TEST(AudioAutoencoder, EncodeOddLength_PadsToWholeChunksOfLatents) {
  at::NoGradGuard no_grad;
  AudioAutoencoder same_s = tiny_model(false);
  AudioAutoencoder same_l = tiny_model(true);
  const at::Tensor audio = at::randn({1, 2, 3 * 4096 + 100}) * 0.1;
  EXPECT_EQ(same_s->encode(audio).sizes(), (std::vector<int64_t>{1, 16, 4}));  // 4 latents: even for SAME-S
  EXPECT_EQ(same_l->encode(audio).sizes(), (std::vector<int64_t>{1, 16, 4}));
  EXPECT_EQ(same_l->encode(audio.narrow(2, 0, 3 * 4096)).sizes(), (std::vector<int64_t>{1, 16, 3}));
  EXPECT_EQ(same_l->decode(at::randn({2, 16, 3})).sizes(), (std::vector<int64_t>{2, 2, 3 * 4096}));
  EXPECT_EQ(same_s->decode(at::randn({1, 16, 3})).sizes(), (std::vector<int64_t>{1, 2, 4 * 4096}));
}

TEST(AudioAutoencoder, ChunkedEncode_StitchesWindowsLikeUpstream) {
  at::NoGradGuard no_grad;
  AudioAutoencoder model = tiny_model(true);
  const at::Tensor audio = at::randn({1, 2, 9 * 4096 - 10}) * 0.1;
  const at::Tensor padded = at::constant_pad_nd(audio, {0, 10});
  // 9 latents, windows of 6 stepping by 2: starts 0 and 2, plus 3 anchored at the end; each
  // inner edge drops overlap/2 = 2 latents.
  const at::Tensor chunked = model->encode_audio(audio, true, /*overlap=*/4, /*chunk_size=*/6);
  ASSERT_EQ(chunked.sizes(), model->encode_audio(audio, false).sizes());
  const auto window = [&](int64_t start) { return model->encode(padded.narrow(2, start * 4096, 6 * 4096)); };
  EXPECT_TRUE(at::equal(chunked.narrow(2, 0, 4), window(0).narrow(2, 0, 4)));
  EXPECT_TRUE(at::equal(chunked.narrow(2, 4, 1), window(2).narrow(2, 2, 1)));
  EXPECT_TRUE(at::equal(chunked.narrow(2, 5, 4), window(3).narrow(2, 2, 4)));
}

TEST(AudioAutoencoder, ChunkedCodingWithBadOverlap_ThrowsInvalidInput) {
  at::NoGradGuard no_grad;
  AudioAutoencoder model = tiny_model(true);
  try {
    model->decode_audio(at::randn({1, 16, 8}), true, /*overlap=*/4, /*chunk_size=*/4);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(e.what()).find("overlap"), std::string::npos);
  }
}

TEST(AudioAutoencoder, CancelledJob_StopsChunkedDecodeBeforeTheFirstWindow) {
  at::NoGradGuard no_grad;
  AudioAutoencoder model = tiny_model(true);
  JobControl job;
  job.cancel();
  EXPECT_THROW(model->decode_audio(at::randn({1, 16, 8}), true, 2, 4, &job), Cancelled);
}

TEST(AudioAutoencoder, ChunkedDecode_ReportsProgressPerWindow) {
  at::NoGradGuard no_grad;
  AudioAutoencoder model = tiny_model(true);
  JobControl job;
  std::vector<double> done;
  job.on_progress = [&](double d, double total, const std::string&) {
    done.push_back(d);
    EXPECT_EQ(total, 3.0);
  };
  const at::Tensor audio = model->decode_audio(at::randn({1, 16, 7}), true, 2, 4, &job);
  EXPECT_EQ(audio.size(2), 7 * 4096);
  EXPECT_FALSE(done.empty());
  EXPECT_EQ(done.back(), 3.0);  // windows start at 0, 2 and the end-anchored 3
}

TEST(AudioAutoencoder, Bfloat16Weights_EncodeCloseToFloat) {
  at::NoGradGuard no_grad;
  AudioAutoencoder model = tiny_model(false);
  const at::Tensor audio = at::randn({1, 2, 2 * 4096}) * 0.1;
  const at::Tensor reference = model->encode(audio);
  model->to(at::kBFloat16);
  const at::Tensor low = model->encode(audio);
  EXPECT_EQ(low.scalar_type(), at::kBFloat16);
  const double rel = (low.to(at::kFloat) - reference).norm().item<double>() / reference.norm().item<double>();
  EXPECT_LT(rel, 0.05);
}

TEST(SamePresets, SameS_HasThePapersParameterCount) {
  // 108,244,016 encoder+decoder parameters (spec/sa3-model.md 1.2), plus the SoftNorm
  // bottleneck's 2 x 256 + 1.
  const AudioAutoencoder model(same_s_options());
  int64_t count = 0;
  for (const auto& p : model->parameters()) count += p.numel();
  EXPECT_EQ(count, 108244016 + 2 * 256 + 1);
}

}  // namespace
}  // namespace sa3
