// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's write_audio(): libsndfile encoding by extension, written to a temp file and renamed.
#include <sndfile.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>

#include "sa3/audio.h"

namespace sa3 {

namespace fs = std::filesystem;

namespace {

int sndfile_format(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (ext == ".wav" || ext == ".wave") return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  if (ext == ".aif" || ext == ".aiff") return SF_FORMAT_AIFF | SF_FORMAT_PCM_16;
  if (ext == ".flac") return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
  if (ext == ".ogg" || ext == ".oga") return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
  if (ext == ".opus") return SF_FORMAT_OGG | SF_FORMAT_OPUS;
  if (ext == ".mp3") return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
  throw_invalid(path.string() + ": cannot write audio with extension '" + ext +
                "' (expected .wav, .aiff, .flac, .ogg, .opus or .mp3)");
}

}  // namespace

Status write_audio(const fs::path& path, const AudioBuffer& audio) {
  return capture_status([&] {
    if (audio.channels <= 0 || audio.sample_rate <= 0) throw_invalid(path.string() + ": empty audio buffer");
    SF_INFO info{};
    info.samplerate = audio.sample_rate;
    info.channels = audio.channels;
    info.format = sndfile_format(path);
    if (!sf_format_check(&info))
      throw_invalid(path.string() + ": this format cannot hold " + std::to_string(audio.channels) + " channels at " +
                    std::to_string(audio.sample_rate) + " Hz");
    const fs::path temp = path.string() + ".partial-" + std::to_string(std::random_device{}());
    std::error_code ec;
    SNDFILE* sf = sf_open(temp.c_str(), SFM_WRITE, &info);
    if (!sf) throw_environment(path.string() + ": cannot write audio (" + sf_strerror(nullptr) + ")");
    sf_command(sf, SFC_SET_CLIPPING, nullptr, SF_TRUE);  // clamp out-of-range floats instead of wrapping
    const sf_count_t written = sf_writef_float(sf, audio.samples.data(), audio.frames());
    const std::string reason = sf_strerror(sf);
    const int closed = sf_close(sf);
    if (written != audio.frames() || closed != 0) {
      fs::remove(temp, ec);
      throw_environment(path.string() + ": cannot write audio (" + reason + ")");
    }
    fs::rename(temp, path, ec);
    if (ec) {
      fs::remove(temp, ec);
      throw_environment(path.string() + ": cannot write audio (" + ec.message() + ")");
    }
  });
}

}  // namespace sa3
