// SPDX-License-Identifier: GPL-3.0-or-later
// load_fixture_autoencoder for the SAME parity checkers.
#include "parity/same_parity_support.h"

#include <gtest/gtest.h>

#include "model/state_dict.h"

namespace sa3::test {

AudioAutoencoder load_fixture_autoencoder(const ParityFixture& fixture, const std::string& part) {
  const nlohmann::json& config = fixture.config();
  AudioAutoencoder model(AudioAutoencoderOptions::from_json(config.at("autoencoder")));
  const std::string prefix = config.value("weights_prefix", std::string());
  torch::nn::Module& coder = part == "encoder" ? static_cast<torch::nn::Module&>(*model->encoder)
                                               : static_cast<torch::nn::Module&>(*model->decoder);
  const auto unused = load_state_dict(coder, fixture.file(), prefix + part + ".");
  EXPECT_TRUE(unused.empty()) << "fixture keys the " << part << " lacks, first: " << unused.front();
  const auto unused_bottleneck = load_state_dict(*model->bottleneck, fixture.file(), prefix + "bottleneck.");
  EXPECT_TRUE(unused_bottleneck.empty()) << "fixture keys the bottleneck lacks, first: " << unused_bottleneck.front();
  model->eval();
  return model;
}

}  // namespace sa3::test
