// SPDX-License-Identifier: GPL-3.0-or-later
// Jobs and datasets for the fal tests: zips written with libzip and folders of small WAV files.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "sa3/job.h"

namespace sa3::test {

// small-music-base, 200 steps, rank 8, with the studio's options.
TrainingJob small_fal_job();

// Writes a zip holding `entries` (name -> bytes).
void write_zip(const std::filesystem::path& path, const std::map<std::string, std::string>& entries);
// A zip of `clips` tiny WAV clips, each with a caption; `padding` bytes of noise make it bigger.
void write_dataset_zip(const std::filesystem::path& path, int clips, size_t padding = 0);
// 16-bit mono PCM WAV bytes of `seconds` of a sine at 8 kHz.
std::string wav_bytes(double seconds);

}  // namespace sa3::test
