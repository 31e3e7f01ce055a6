// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic file replacement: write a sibling temp file, fsync it, rename it over the target.
// A crash or a full disk leaves either the old file or the new one, never a mix.
// Errors: throws sa3::Error (Environment) naming the path and the system's reason; the temp
// file is removed on failure.
#pragma once

#include <filesystem>
#include <string_view>

namespace sa3 {

void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

// Reads a whole file; throws sa3::Error (InvalidInput) naming the path when it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace sa3
