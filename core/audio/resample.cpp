// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's resample(): soxr's high-quality one-shot conversion of interleaved floats.
#include <soxr.h>

#include <cmath>
#include <string>

#include "sa3/audio.h"

namespace sa3 {

Result<AudioBuffer> resample(const AudioBuffer& audio, int sample_rate) {
  return capture([&] {
    if (sample_rate <= 0) throw_invalid("resample: target rate must be positive, got " + std::to_string(sample_rate));
    if (audio.channels <= 0 || audio.sample_rate <= 0) throw_invalid("resample: empty audio buffer");
    if (audio.sample_rate == sample_rate) return audio;
    AudioBuffer out;
    out.sample_rate = sample_rate;
    out.channels = audio.channels;
    const size_t in_frames = size_t(audio.frames());
    const size_t out_capacity = size_t(std::ceil(double(in_frames) * sample_rate / audio.sample_rate)) + 16;
    out.samples.resize(out_capacity * size_t(audio.channels));
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
    size_t done = 0;
    const soxr_error_t err = soxr_oneshot(audio.sample_rate, sample_rate, unsigned(audio.channels),
                                          audio.samples.data(), in_frames, nullptr,
                                          out.samples.data(), out_capacity, &done, &io, &quality, nullptr);
    if (err) throw_environment(std::string("soxr: resampling failed (") + err + ")");
    out.samples.resize(done * size_t(audio.channels));
    return out;
  });
}

}  // namespace sa3
