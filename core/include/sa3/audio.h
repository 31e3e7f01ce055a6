// SPDX-License-Identifier: GPL-3.0-or-later
// The audio facade: file info, decoding, resampling, loudness, waveform peaks and spectrograms,
// for the dataset and audition pages (libsndfile, libsoxr, libebur128, fftw3).
//
// Lifecycle: plain functions over plain values; no file stays open between calls.
// Ownership: returned buffers belong to the caller.
// Threading: every function is reentrant; call decoding and spectrograms off the GUI thread.
// Errors: functions return sa3::Result; failures name the file and libsndfile's reason.
// Cancellation: each call is bounded by one file; callers cancel between calls.
//
//   auto audio = sa3::decode_audio("kick.wav");
//   if (!audio) { show(audio.error().message); return; }
//   auto peaks = sa3::waveform_peaks(*audio, 800);
//   auto spec = sa3::spectrogram(*audio, {});
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sa3/error.h"

namespace sa3 {

struct AudioInfo {
  std::string format;  // "wav", "flac", "ogg", "opus", "mp3", "aiff", ...
  int sample_rate = 0;
  int channels = 0;
  int64_t frames = 0;
  double duration_s = 0;
};

// Interleaved float samples in [-1, 1].
struct AudioBuffer {
  int sample_rate = 0;
  int channels = 0;
  std::vector<float> samples;
  int64_t frames() const { return channels > 0 ? int64_t(samples.size()) / channels : 0; }
  double duration_s() const { return sample_rate > 0 ? double(frames()) / sample_rate : 0; }
};

// Header only; no decoding.
Result<AudioInfo> read_audio_info(const std::filesystem::path& path);
Result<AudioBuffer> decode_audio(const std::filesystem::path& path);
// Writes `audio` in the format named by the extension (.wav/.aiff/.flac as 16-bit PCM, .ogg
// Vorbis, .opus, .mp3), atomically: a temp file renamed over `path` when complete.
Status write_audio(const std::filesystem::path& path, const AudioBuffer& audio);
// High-quality resampling (soxr); returns the input unchanged when the rate already matches.
Result<AudioBuffer> resample(const AudioBuffer& audio, int sample_rate);
// EBU R128 integrated loudness in LUFS; -120 when the audio is silent or shorter than 400 ms.
Result<double> integrated_loudness(const AudioBuffer& audio);

struct WaveformPeaks {
  std::vector<float> min;  // per bin, over all channels
  std::vector<float> max;
};
// `bins` evenly spaced bins over the whole buffer (fewer when the buffer has fewer frames).
WaveformPeaks waveform_peaks(const AudioBuffer& audio, size_t bins);

struct SpectrogramOptions {
  size_t fft_size = 2048;  // Hann window of this length
  size_t hop = 512;
  float floor_db = -100;   // magnitudes below are clamped
};
struct Spectrogram {
  size_t frames = 0;        // time steps
  size_t bins = 0;          // fft_size / 2 + 1 frequency bins, 0 Hz first
  int sample_rate = 0;
  size_t hop = 0;
  std::vector<float> db;    // frames × bins, row-major; magnitude in dB relative to full scale
};
// Magnitude spectrogram of the channel mix-down.
Result<Spectrogram> spectrogram(const AudioBuffer& audio, const SpectrogramOptions& options);

}  // namespace sa3
