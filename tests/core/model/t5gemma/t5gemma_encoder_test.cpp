// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of T5GemmaEncoder behaviour beyond the parity fixture: config reading, the padding
// mask, bad ids and reduced precision.
#include "model/t5gemma/t5gemma_encoder.h"

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sa3/error.h"

namespace sa3 {
namespace {

T5GemmaEncoderOptions tiny_options() {
  return T5GemmaEncoderOptions::from_json({{"encoder",
                                            {{"vocab_size", 40}, {"hidden_size", 64}, {"intermediate_size", 96},
                                             {"num_hidden_layers", 2}, {"num_attention_heads", 2},
                                             {"num_key_value_heads", 1}, {"head_dim", 32},
                                             {"query_pre_attn_scalar", 32}, {"sliding_window", 3},
                                             {"layer_types", {"sliding_attention", "full_attention"}}}}});
}

T5GemmaEncoder tiny_encoder() {
  at::manual_seed(11);
  T5GemmaEncoder encoder(tiny_options());
  at::NoGradGuard no_grad;
  for (auto& p : encoder->parameters()) p.normal_(0, 0.3);  // norms start at 0; make them matter
  return encoder;
}

TEST(T5GemmaEncoderOptions, T5GemmaConfig_ReadsTheEncoderSection) {
  const T5GemmaEncoderOptions o = tiny_options();
  EXPECT_EQ(o.hidden_size, 64);
  EXPECT_EQ(o.num_key_value_heads, 1);
  EXPECT_TRUE(o.is_sliding(0));
  EXPECT_FALSE(o.is_sliding(1));
  ASSERT_TRUE(o.attn_logit_softcapping.has_value());
  EXPECT_EQ(*o.attn_logit_softcapping, 50.0);
}

TEST(T5GemmaEncoderOptions, BadConfigs_ThrowInvalidInputNamingTheField) {
  auto message_of = [](const nlohmann::json& config) -> std::string {
    try {
      T5GemmaEncoderOptions::from_json(config);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
      return e.what();
    }
    return "no error";
  };
  EXPECT_NE(message_of({{"hidden_size", "big"}}).find("'hidden_size'"), std::string::npos);
  EXPECT_NE(message_of({{"hidden_activation", "relu"}}).find("'hidden_activation'"), std::string::npos);
  EXPECT_NE(message_of({{"num_hidden_layers", 2}, {"layer_types", {"full_attention"}}}).find("'layer_types'"),
            std::string::npos);
}

TEST(T5GemmaEncoder, ValidPositions_DoNotDependOnWhatPaddingHolds) {
  at::NoGradGuard no_grad;
  T5GemmaEncoder encoder = tiny_encoder();
  const at::Tensor mask = at::tensor({1, 1, 1, 0, 0}).to(at::kBool).view({1, 5});
  const at::Tensor a = encoder->forward(at::tensor({5, 6, 7, 0, 0}, at::kLong).view({1, 5}), mask);
  const at::Tensor b = encoder->forward(at::tensor({5, 6, 7, 30, 31}, at::kLong).view({1, 5}), mask);
  const at::Tensor alone = encoder->forward(at::tensor({5, 6, 7}, at::kLong).view({1, 3}), at::ones({1, 3}, at::kBool));
  EXPECT_LT((a.narrow(1, 0, 3) - b.narrow(1, 0, 3)).abs().max().item<double>(), 1e-5);
  EXPECT_LT((a.narrow(1, 0, 3) - alone).abs().max().item<double>(), 1e-5);
}

TEST(T5GemmaEncoder, SlidingLayers_LimitTheirWindow) {
  at::NoGradGuard no_grad;
  T5GemmaEncoder encoder = tiny_encoder();
  T5GemmaEncoderOptions wide = tiny_options();
  wide.sliding_window = 4096;
  T5GemmaEncoder unbounded(wide);
  auto source = encoder->named_parameters();
  for (auto& p : unbounded->named_parameters()) p.value().copy_(source[p.key()]);
  const at::Tensor ids = at::arange(4, 14, at::kLong).view({1, 10});
  const at::Tensor mask = at::ones({1, 10}, at::kBool);
  EXPECT_GT((encoder->forward(ids, mask) - unbounded->forward(ids, mask)).abs().max().item<double>(), 1e-4);
}

TEST(T5GemmaEncoder, IdOutsideTheVocabulary_ThrowsInvalidInput) {
  at::NoGradGuard no_grad;
  T5GemmaEncoder encoder = tiny_encoder();
  try {
    encoder->forward(at::tensor({1, 40}, at::kLong).view({1, 2}), at::ones({1, 2}, at::kBool));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(e.what()).find("vocabulary"), std::string::npos);
  }
}

TEST(T5GemmaEncoder, Bfloat16Weights_StayCloseToFloat) {
  at::NoGradGuard no_grad;
  T5GemmaEncoder encoder = tiny_encoder();
  const at::Tensor ids = at::tensor({5, 9, 13, 2}, at::kLong).view({1, 4});
  const at::Tensor mask = at::ones({1, 4}, at::kBool);
  const at::Tensor reference = encoder->forward(ids, mask);
  encoder->to(at::kBFloat16);
  const at::Tensor low = encoder->forward(ids, mask);
  EXPECT_EQ(low.scalar_type(), at::kBFloat16);
  EXPECT_LT((low.to(at::kFloat) - reference).norm().item<double>() / reference.norm().item<double>(), 0.05);
}

}  // namespace
}  // namespace sa3
