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

void decode_into(ClipQc& qc, const std::string& bytes, const std::filesystem::path& path) {
  audio::SoundFile file(bytes, path.string());
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

ClipQc analyse_clip_file(const std::filesystem::path& audio_path) {
  ClipQc qc;
  std::string bytes;
  try {
    bytes = read_file(audio_path);
  } catch (const Error& e) {
    qc.decode_error = e.what();
    return qc;
  }
  qc.content_hash = sha256_hex(bytes);
  try {
    decode_into(qc, bytes, audio_path);
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
