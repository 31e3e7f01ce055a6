// SPDX-License-Identifier: GPL-3.0-or-later
// Parity checker for kind `same_encode`: AudioAutoencoder.encode (patching, SAME encoder,
// SoftNorm), and chunked/unchunked encode_audio of long audio when the fixture has it
// (fixtures README §3-4).
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <gtest/gtest.h>

#include "parity/parity_registry.h"
#include "parity/parity_tolerance.h"
#include "parity/same_parity_support.h"

namespace sa3 {
namespace {

void check_same_encode(const test::ParityFixture& f) {
  at::NoGradGuard no_grad;
  AudioAutoencoder model = test::load_fixture_autoencoder(f, "encoder");
  const at::Tensor audio = f.tensor("in.audio").to(at::kFloat);
  if (f.has("inter.encoder_out_pre_bottleneck")) {
    const at::Tensor pre = model->encoder(model->pretransform().encode(audio));
    EXPECT_TRUE(test::matches_reference(pre, f.tensor("inter.encoder_out_pre_bottleneck"))) << "pre-bottleneck";
  }
  EXPECT_TRUE(test::matches_reference(model->encode(audio), f.tensor("out.latents"))) << "out.latents";

  if (f.has("in.audio_long")) {
    const at::Tensor long_audio = f.tensor("in.audio_long").to(at::kFloat);
    const nlohmann::json& chunking = f.config().at("chunked_encode");
    EXPECT_TRUE(test::matches_reference(model->encode_audio(long_audio, false),
                                        f.tensor("out.latents_long_unchunked")))
        << "out.latents_long_unchunked";
    const at::Tensor chunked = model->encode_audio(long_audio, true, chunking.at("overlap").get<int64_t>(),
                                                   chunking.at("chunk_size").get<int64_t>());
    EXPECT_TRUE(test::matches_reference(chunked, f.tensor("out.latents_long_chunked"))) << "out.latents_long_chunked";
  }
}

const test::ParityCheckerRegistrar registrar("same_encode", check_same_encode);

}  // namespace
}  // namespace sa3
