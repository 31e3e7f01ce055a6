// SPDX-License-Identifier: GPL-3.0-or-later
// Parity checker for kind `same_decode`: AudioAutoencoder.decode (SoftNorm decode, SAME
// decoder, unpatching; no clamp), and chunked decode_audio when the fixture has it
// (fixtures README §3-4).
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <gtest/gtest.h>

#include "parity/parity_registry.h"
#include "parity/parity_tolerance.h"
#include "parity/same_parity_support.h"

namespace sa3 {
namespace {

void check_same_decode(const test::ParityFixture& f) {
  at::NoGradGuard no_grad;
  AudioAutoencoder model = test::load_fixture_autoencoder(f, "decoder");
  const at::Tensor latents = f.tensor("in.latents").to(at::kFloat);
  EXPECT_TRUE(test::matches_reference(model->decode(latents), f.tensor("out.audio"))) << "out.audio";

  if (f.has("in.latents_long")) {
    const nlohmann::json& chunking = f.config().at("chunked_decode");
    const at::Tensor audio = model->decode_audio(f.tensor("in.latents_long").to(at::kFloat), true,
                                                 chunking.at("overlap").get<int64_t>(),
                                                 chunking.at("chunk_size").get<int64_t>());
    EXPECT_TRUE(test::matches_reference(audio, f.tensor("out.audio_long_chunked"))) << "out.audio_long_chunked";
  }
}

const test::ParityCheckerRegistrar registrar("same_decode", check_same_decode);

}  // namespace
}  // namespace sa3
