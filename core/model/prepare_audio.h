// SPDX-License-Identifier: GPL-3.0-or-later
// prepare_audio: any decoded audio -> the autoencoder's input layout (44.1 kHz stereo tensor).
#pragma once

#include <ATen/core/Tensor.h>

#include "sa3/audio.h"

namespace sa3 {

// stable_audio_3/inference/audio_utils.py: prepare_audio / set_audio_channels, without the
// pad/crop (AudioAutoencoder.encode_audio pads). Returns [channels, frames'] float32 on CPU.
// * Resampling uses soxr (HQ) where upstream uses torchaudio's sinc resampler.
// * Mono is duplicated to every output channel.
// * More input channels than output channels are folded in: deliberate deviation from
//   upstream, which keeps the first two and drops the rest (losing e.g. a 5.1 centre
//   channel). Output channel k gets input channel k plus every input channel beyond the
//   output count at -3 dB, divided by the sum of the gains so full-scale input cannot clip.
// Throws sa3::Error(InvalidInput) on empty audio or a non-positive rate.
at::Tensor prepare_audio(const AudioBuffer& audio, int sample_rate = 44100, int channels = 2);

}  // namespace sa3
