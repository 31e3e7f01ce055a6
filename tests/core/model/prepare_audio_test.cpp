// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of prepare_audio: channel mapping to stereo and resampling to 44.1 kHz.
#include "model/prepare_audio.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cmath>

#include "sa3/error.h"

namespace sa3 {
namespace {

AudioBuffer tone(int rate, int channels, double seconds, double hz) {
  AudioBuffer b;
  b.sample_rate = rate;
  b.channels = channels;
  const auto frames = static_cast<int64_t>(seconds * rate);
  for (int64_t f = 0; f < frames; ++f) {
    for (int c = 0; c < channels; ++c) b.samples.push_back(float(0.5 * std::sin(2 * M_PI * hz * f / rate) * (c + 1)));
  }
  return b;
}

TEST(PrepareAudio, Mono_IsDuplicatedToBothChannels) {
  const at::Tensor out = prepare_audio(tone(44100, 1, 0.1, 440), 44100, 2);
  ASSERT_EQ(out.sizes(), (std::vector<int64_t>{2, 4410}));
  EXPECT_TRUE(at::equal(out[0], out[1]));
  EXPECT_FLOAT_EQ(out[0][100].item<float>(), float(0.5 * std::sin(2 * M_PI * 440 * 100 / 44100.0)));
}

TEST(PrepareAudio, Stereo_IsKeptSampleForSample) {
  const AudioBuffer in = tone(44100, 2, 0.05, 1000);
  const at::Tensor out = prepare_audio(in, 44100, 2);
  EXPECT_EQ(out[1][7].item<float>(), in.samples[7 * 2 + 1]);
}

TEST(PrepareAudio, SurroundChannels_AreFoldedInWithoutClipping) {
  AudioBuffer in;
  in.sample_rate = 44100;
  in.channels = 6;
  in.samples = {1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0};  // full scale everywhere; then centre only
  const at::Tensor out = prepare_audio(in, 44100, 2);
  ASSERT_EQ(out.sizes(), (std::vector<int64_t>{2, 2}));
  EXPECT_NEAR(out[0][0].item<float>(), 1.0f, 1e-6);  // cannot exceed full scale
  const float centre = out[0][1].item<float>();
  EXPECT_GT(centre, 0.1f);                            // the centre channel is heard, not dropped
  EXPECT_EQ(centre, out[1][1].item<float>());         // equally on both sides
}

TEST(PrepareAudio, Resampling48k_Gives44k1FramesAndKeepsThePitch) {
  const at::Tensor out = prepare_audio(tone(48000, 2, 1.0, 1000), 44100, 2);
  EXPECT_NEAR(double(out.size(1)), 44100.0, 2.0);
  // A 1 kHz tone at 44.1 kHz: the zero crossings of channel 0 in 0.5 s number about 1000.
  const at::Tensor x = out[0].narrow(0, 10000, 22050);
  const int64_t crossings = (x.narrow(0, 1, x.size(0) - 1) * x.narrow(0, 0, x.size(0) - 1) < 0).sum().item<int64_t>();
  EXPECT_NEAR(double(crossings), 1000.0, 4.0);
}

TEST(PrepareAudio, EmptyAudio_ThrowsInvalidInput) {
  try {
    prepare_audio(AudioBuffer{}, 44100, 2);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
  }
}

}  // namespace
}  // namespace sa3
