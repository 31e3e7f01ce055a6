// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's import_zip(): extracts a dataset zip, refusing hostile archives before writing
// anything (zip-slip, absolute paths, symlinks, size and entry-count bombs, overwrites).
#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <memory>
#include <set>

#include "audio_extensions.h"
#include "sa3/dataset.h"
#include "zip_archive.h"

namespace sa3 {

namespace fs = std::filesystem;

namespace {

struct Entry {
  zip_uint64_t index;
  std::string name;
  fs::path relative;
  zip_uint64_t size;
};

// The entry's path as a safe relative path, or an error naming it.
fs::path safe_relative_path(const fs::path& zip_path, std::string name) {
  for (char& c : name)
    if (c == '\\') c = '/';  // archives made on Windows may use backslashes
  const std::string where = zip_path.string() + ": entry '" + name + "'";
  if (name.empty()) throw_invalid(where + " has an empty name");
  if (name[0] == '/' || (name.size() > 1 && name[1] == ':'))
    throw_invalid(where + " has an absolute path; refusing the archive");
  if (name.find('\0') != std::string::npos) throw_invalid(where + " has a NUL in its name; refusing the archive");
  fs::path rel;
  for (const auto& part : fs::path(name)) {
    if (part == "..") throw_invalid(where + " points outside the destination folder; refusing the archive");
    if (part.empty() || part == "." || part == "/") continue;
    rel /= part;
  }
  return rel;
}

bool is_symlink_entry(zip_t* za, zip_uint64_t index) {
  zip_uint8_t opsys = 0;
  zip_uint32_t attributes = 0;
  if (zip_file_get_external_attributes(za, index, 0, &opsys, &attributes) != 0) return false;
  return opsys == ZIP_OPSYS_UNIX && ((attributes >> 16) & S_IFMT) == S_IFLNK;
}

bool is_ignored(const fs::path& rel) {
  for (const auto& part : rel) {
    const std::string s = part.string();
    if (s.empty() || s[0] == '.' || s == "__MACOSX") return true;
  }
  return false;
}

// Checks every entry and returns those to extract; throws before anything is written.
std::vector<Entry> plan(dataset::ZipArchive& za, const fs::path& dest, const ImportLimits& limits,
                        ImportReport& report) {
  const zip_int64_t count = zip_get_num_entries(za.get(), 0);
  if (count < 0) za.fail("cannot list entries");
  if (zip_uint64_t(count) > limits.max_entries)
    throw_invalid(za.path().string() + ": " + std::to_string(count) + " entries, more than the limit of " +
                  std::to_string(limits.max_entries) + "; refusing the archive");
  std::vector<Entry> entries;
  std::set<fs::path> targets;
  zip_uint64_t total = 0;
  for (zip_uint64_t i = 0; i < zip_uint64_t(count); ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za.get(), i, 0, &st) != 0) za.fail("cannot read entry " + std::to_string(i));
    const std::string name = st.name ? st.name : "";
    const fs::path rel = safe_relative_path(za.path(), name);
    if (is_symlink_entry(za.get(), i))
      throw_invalid(za.path().string() + ": entry '" + name + "' is a symbolic link; refusing the archive");
    if (!name.empty() && (name.back() == '/' || name.back() == '\\')) continue;  // folder entry
    if (rel.empty() || is_ignored(rel) || !(dataset::is_audio_file(rel) || dataset::is_caption_file(rel))) {
      report.skipped.push_back(name);
      continue;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      throw_invalid(za.path().string() + ": entry '" + name + "' is encrypted; export it without a password");
    total += st.size;
    if (total > limits.max_total_bytes)
      throw_invalid(za.path().string() + ": expands to more than " + std::to_string(limits.max_total_bytes) +
                    " bytes; refusing the archive");
    const fs::path target = dest / rel;
    std::error_code ec;
    // A symlinked folder inside the destination would carry the entry somewhere else.
    fs::path folder = dest;
    for (auto it = rel.begin(); std::next(it) != rel.end(); ++it) {
      folder /= *it;
      if (fs::is_symlink(folder, ec))
        throw_invalid(folder.string() + ": is a symbolic link; import into an empty folder (nothing was written)");
    }
    if (fs::exists(fs::symlink_status(target, ec)))
      throw_invalid(target.string() + ": already exists; import into an empty folder (nothing was written)");
    if (!targets.insert(target).second)
      throw_invalid(za.path().string() + ": entry '" + name + "' appears twice; refusing the archive");
    entries.push_back({i, name, rel, st.size});
  }
  return entries;
}

// Writes one entry with O_EXCL semantics and never more bytes than its header declared.
// `written` gets the target once this call created it, so a failed import removes only its own files.
void extract(dataset::ZipArchive& za, const Entry& e, const fs::path& target, JobControl& job,
             double& done, double total, std::vector<fs::path>& written) {
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> in(zip_fopen_index(za.get(), e.index, 0), zip_fclose);
  if (!in) za.fail("cannot read entry '" + e.name + "'");
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(target.c_str(), "wbx"), std::fclose);
  if (!out) throw_environment(target.string() + ": cannot create file (it may exist, or the disk is read-only)");
  written.push_back(target);
  std::vector<char> buffer(1 << 16);
  zip_uint64_t bytes = 0;
  while (true) {
    const zip_int64_t n = zip_fread(in.get(), buffer.data(), buffer.size());
    if (n < 0) throw_invalid(za.path().string() + ": entry '" + e.name + "' is corrupt (" + zip_file_strerror(in.get()) + ")");
    if (n == 0) break;
    bytes += zip_uint64_t(n);
    if (bytes > e.size)
      throw_invalid(za.path().string() + ": entry '" + e.name + "' expands past its declared size; refusing it");
    if (std::fwrite(buffer.data(), 1, size_t(n), out.get()) != size_t(n))
      throw_environment(target.string() + ": cannot write (disk full?)");
    done += double(n);
    job.progress(done, total, e.name);
  }
  if (std::fclose(out.release()) != 0) throw_environment(target.string() + ": cannot write (disk full?)");
}

}  // namespace

Result<ImportReport> import_zip(const fs::path& zip_path, const fs::path& dest_dir, JobControl& job,
                                const ImportLimits& limits) {
  return capture([&] {
    ImportReport report;
    dataset::ZipArchive za(zip_path, ZIP_RDONLY);
    const std::vector<Entry> entries = plan(za, dest_dir, limits, report);
    double total = 0;
    for (const Entry& e : entries) total += double(e.size);

    std::vector<fs::path> created_dirs;
    std::error_code ec;
    double done = 0;
    try {
      for (const Entry& e : entries) {
        job.check_cancelled();
        const fs::path target = dest_dir / e.relative;
        // Remember each folder we create so a failed import leaves the destination as it was.
        for (fs::path dir = target.parent_path(); !dir.empty() && !fs::exists(dir, ec); dir = dir.parent_path())
          created_dirs.push_back(dir);
        fs::create_directories(target.parent_path(), ec);
        if (ec) throw_environment(target.parent_path().string() + ": cannot create folder (" + ec.message() + ")");
        extract(za, e, target, job, done, total, report.written);
      }
      job.progress(total, total);
    } catch (...) {
      for (const fs::path& f : report.written) fs::remove(f, ec);
      std::sort(created_dirs.begin(), created_dirs.end(), [](const fs::path& a, const fs::path& b) {
        return a.string().size() > b.string().size();  // deepest first
      });
      for (const fs::path& d : created_dirs) fs::remove(d, ec);  // only removes empty folders
      throw;
    }
    return report;
  });
}

}  // namespace sa3
