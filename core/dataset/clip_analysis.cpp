// SPDX-License-Identifier: GPL-3.0-or-later
// Full QC of one clip (hash, decode, levels, loudness, silence, waveform) in a single pass.
#include "clip_analysis.h"

#include <cmath>

#include "audio/loudness.h"
#include "audio/signal_stats.h"
#include "audio/sound_file.h"
#include "audio/waveform.h"
#include "base/atomic_file.h"
#include "base/sha256.h"

namespace sa3::dataset {

namespace {

void decode_into(ClipQc& qc, audio::SoundFile& file) {
  const AudioInfo& info = file.info();
  audio::SignalStats stats(info.channels, kClipThreshold, std::pow(10.0, kSilenceDbfs / 20.0));
  audio::LoudnessMeter loudness(info.channels, info.sample_rate);
  audio::WaveformBuilder waveform(info.channels, info.frames, kWaveformBins);
  std::vector<float> block;
  while (const int64_t frames = file.read(block, 32768)) {
    stats.add(block.data(), frames);
    loudness.add(block.data(), frames);
    waveform.add(block.data(), frames);
  }
  const audio::SignalSummary s = stats.finish(info.sample_rate);
  qc.decoded_frames = s.frames;
  qc.peak = s.peak;
  qc.peak_dbfs = s.peak_dbfs;
  qc.rms_dbfs = s.rms_dbfs;
  qc.clipped_samples = s.clipped_samples;
  qc.leading_silence_s = s.leading_silence_s;
  qc.trailing_silence_s = s.trailing_silence_s;
  qc.loudness_lufs = loudness.integrated();
  WaveformPeaks peaks = waveform.finish();
  qc.waveform_min = std::move(peaks.min);
  qc.waveform_max = std::move(peaks.max);
}

}  // namespace

ClipQc analyse_clip_file(const std::filesystem::path& audio_path, uintmax_t in_memory_limit) {
  ClipQc qc;
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(audio_path, ec);
  const bool in_memory = !ec && size <= in_memory_limit;
  std::string bytes;
  try {
    if (in_memory) {
      bytes = read_file(audio_path);
      qc.content_hash = sha256_hex(bytes);
    } else {
      qc.content_hash = sha256_file_hex(audio_path);
    }
  } catch (const Error& e) {
    qc.decode_error = e.what();
    return qc;
  }
  try {
    if (in_memory) {
      audio::SoundFile file(bytes, audio_path.string());
      decode_into(qc, file);
    } else {
      audio::SoundFile file(audio_path);
      decode_into(qc, file);
    }
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::InvalidInput) throw;
    ClipQc failed;
    failed.content_hash = qc.content_hash;
    failed.decode_error = e.what();
    return failed;
  }
  return qc;
}

}  // namespace sa3::dataset
