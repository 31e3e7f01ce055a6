// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's spectrogram(): Hann-windowed magnitude STFT of the mono mix-down (fftw3f).
#include <fftw3.h>

#include <cmath>
#include <memory>
#include <mutex>
#include <numbers>
#include <string>

#include "sa3/audio.h"

namespace sa3 {

namespace {

// FFTW's planner is not thread-safe; only fftwf_execute is.
std::mutex& planner_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

Result<Spectrogram> spectrogram(const AudioBuffer& audio, const SpectrogramOptions& options) {
  return capture([&] {
    const size_t n = options.fft_size;
    if (n < 16 || (n & (n - 1)) != 0) throw_invalid("spectrogram: fft_size must be a power of two >= 16, got " + std::to_string(n));
    if (options.hop == 0) throw_invalid("spectrogram: hop must be positive");
    if (audio.channels <= 0) throw_invalid("spectrogram: empty audio buffer");

    const size_t frames = size_t(audio.frames());
    std::vector<float> mono(frames);
    for (size_t f = 0; f < frames; ++f) {
      float sum = 0;
      for (int c = 0; c < audio.channels; ++c) sum += audio.samples[f * size_t(audio.channels) + size_t(c)];
      mono[f] = sum / float(audio.channels);
    }

    Spectrogram s;
    s.sample_rate = audio.sample_rate;
    s.hop = options.hop;
    s.bins = n / 2 + 1;
    s.frames = frames == 0 ? 0 : (frames + options.hop - 1) / options.hop;
    s.db.assign(s.frames * s.bins, options.floor_db);

    std::vector<float> window(n);
    float window_sum = 0;
    for (size_t i = 0; i < n; ++i) {
      window[i] = 0.5f - 0.5f * std::cos(2.0f * std::numbers::pi_v<float> * float(i) / float(n));
      window_sum += window[i];
    }
    auto* in = static_cast<float*>(fftwf_malloc(sizeof(float) * n));
    auto* out = static_cast<fftwf_complex*>(fftwf_malloc(sizeof(fftwf_complex) * s.bins));
    std::unique_ptr<void, void (*)(void*)> free_in(in, fftwf_free), free_out(out, fftwf_free);
    if (!in || !out) throw_environment("spectrogram: out of memory for a " + std::to_string(n) + "-point FFT");
    fftwf_plan plan;
    {
      std::lock_guard lock(planner_mutex());
      plan = fftwf_plan_dft_r2c_1d(int(n), in, out, FFTW_ESTIMATE);
    }
    // Frames are centred on hop multiples; a full-scale sine reads about 0 dB.
    const float scale = 2.0f / window_sum;
    for (size_t t = 0; t < s.frames; ++t) {
      const long start = long(t * options.hop) - long(n / 2);
      for (size_t i = 0; i < n; ++i) {
        const long j = start + long(i);
        in[i] = (j >= 0 && size_t(j) < frames) ? mono[size_t(j)] * window[i] : 0.0f;
      }
      fftwf_execute(plan);
      for (size_t k = 0; k < s.bins; ++k) {
        const float mag = std::hypot(out[k][0], out[k][1]) * scale;
        s.db[t * s.bins + k] = std::max(options.floor_db, 20.0f * std::log10(std::max(mag, 1e-12f)));
      }
    }
    {
      std::lock_guard lock(planner_mutex());
      fftwf_destroy_plan(plan);
    }
    return s;
  });
}

}  // namespace sa3
