// SPDX-License-Identifier: GPL-3.0-or-later
// Parity checker for kind `t5gemma_encoder`: the T5Gemma encoder's last_hidden_state (fp32 and
// against the fp64 reference) and the prompt conditioner's learned padding (fixtures README §10).
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <gtest/gtest.h>

#include "model/conditioner_padding.h"
#include "model/state_dict.h"
#include "model/t5gemma/t5gemma_encoder.h"
#include "parity/parity_registry.h"
#include "parity/parity_tolerance.h"

namespace sa3 {
namespace {

void check_t5gemma_encoder(const test::ParityFixture& f) {
  at::NoGradGuard no_grad;
  T5GemmaEncoder encoder(T5GemmaEncoderOptions::from_json(f.config()));
  const auto unused = load_state_dict(*encoder, f.file(), "model.encoder.");
  EXPECT_TRUE(unused.empty()) << "fixture keys the encoder lacks, first: " << unused.front();
  encoder->eval();

  const at::Tensor mask = f.tensor("in.attention_mask").to(at::kBool);
  const at::Tensor hidden = encoder->forward(f.tensor("in.input_ids"), mask);
  const test::Tolerance fp32{1e-5, 1e-5};
  EXPECT_TRUE(test::matches_reference(hidden, f.tensor("out.last_hidden_state"), fp32)) << "last_hidden_state";
  if (f.has("out.last_hidden_state_f64")) {
    EXPECT_TRUE(test::matches_abs(hidden.to(at::kDouble), f.tensor("out.last_hidden_state_f64"), 5e-6))
        << "last_hidden_state_f64";
  }
  if (f.has("out.prompt_embeddings")) {
    const at::Tensor padding = f.tensor("conditioner.conditioners.prompt.padding_embedding").to(at::kFloat);
    EXPECT_TRUE(test::matches_reference(apply_learned_padding(hidden, mask, padding), f.tensor("out.prompt_embeddings"),
                                        fp32))
        << "prompt_embeddings";
  }
}

const test::ParityCheckerRegistrar registrar("t5gemma_encoder", check_t5gemma_encoder);

}  // namespace
}  // namespace sa3
