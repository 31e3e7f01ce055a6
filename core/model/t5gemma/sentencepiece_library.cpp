// SPDX-License-Identifier: GPL-3.0-or-later
// SentencePieceLibrary: locating and dlopen()ing the sa3_sentencepiece plug-in.
#include "model/t5gemma/sentencepiece_library.h"

#include <dlfcn.h>

#include <array>
#include <vector>

#include "model/sentencepiece_plugin_path.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

constexpr const char* kPluginName = "libsa3_sentencepiece.so";

std::vector<std::filesystem::path> candidates() {
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) paths.push_back(exe.parent_path() / kPluginName);
  paths.emplace_back(SA3_SENTENCEPIECE_PLUGIN);
  return paths;
}

template <typename Fn>
Fn symbol(void* handle, const char* name, const std::filesystem::path& path) {
  void* s = dlsym(handle, name);
  if (s == nullptr) throw_environment(path.string() + ": sentencepiece plug-in lacks '" + name + "'; reinstall SA3 Studio");
  return reinterpret_cast<Fn>(s);
}

}  // namespace

const SentencePieceLibrary& SentencePieceLibrary::instance() {
  static const SentencePieceLibrary library;
  return library;
}

SentencePieceLibrary::SentencePieceLibrary() {
  std::string tried;
  void* handle = nullptr;
  for (const auto& candidate : candidates()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(candidate, ec)) {
      tried += " " + candidate.string() + " (missing)";
      continue;
    }
    // RTLD_LOCAL | RTLD_DEEPBIND: sentencepiece binds to its own bundled protobuf and never
    // exposes it to libtorch's libprotobuf (see sentencepiece_shim.h).
    handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (handle != nullptr) {
      path = candidate;
      break;
    }
    tried += " " + candidate.string() + " (" + dlerror() + ")";
  }
  if (handle == nullptr) {
    throw_environment(std::string("cannot load the tokenizer plug-in ") + kPluginName + "; tried:" + tried +
                      ". Reinstall SA3 Studio (Debian package libsentencepiece0 is required)");
  }
  load = symbol<sa3_spm_load_fn>(handle, "sa3_spm_load", path);
  free = symbol<sa3_spm_free_fn>(handle, "sa3_spm_free", path);
  piece_size = symbol<sa3_spm_piece_size_fn>(handle, "sa3_spm_piece_size", path);
  encode = symbol<sa3_spm_encode_fn>(handle, "sa3_spm_encode", path);
  train = symbol<sa3_spm_train_fn>(handle, "sa3_spm_train", path);
}

void train_sentencepiece_model(const std::string& flags) {
  std::array<char, 1024> err{};
  if (SentencePieceLibrary::instance().train(flags.c_str(), err.data(), err.size()) != 0) {
    throw_invalid(std::string("sentencepiece training failed: ") + err.data());
  }
}

}  // namespace sa3
