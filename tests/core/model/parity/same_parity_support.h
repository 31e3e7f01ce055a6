// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the same_encode and same_decode checkers: the fixture's autoencoder, loaded.
#pragma once

#include <string>

#include "model/autoencoders/audio_autoencoder.h"
#include "parity/parity_fixture.h"

namespace sa3::test {

// Builds the AudioAutoencoder the fixture's `config.autoencoder` describes and loads the
// part the fixture holds (`part` = "encoder" or "decoder", plus the bottleneck) from the
// weights under `config.weights_prefix`. Fails the test (EXPECT) on fixture keys under that
// part that the module does not have.
AudioAutoencoder load_fixture_autoencoder(const ParityFixture& fixture, const std::string& part);

}  // namespace sa3::test
