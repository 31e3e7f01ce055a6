// SPDX-License-Identifier: GPL-3.0-or-later
// sa3_sentencepiece plug-in: libsentencepiece behind a C interface (see sentencepiece_shim.h).
#include "model/t5gemma/sentencepiece_shim.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

// Exported by libsentencepiece (common.h, not installed). The plug-in is loaded with
// RTLD_DEEPBIND, so sentencepiece's references to std::cerr bind to libstdc++'s own object
// rather than the program's copy-relocated, constructed one: any log line would crash. Logging
// below FATAL is therefore switched off; errors still come back as status messages.
namespace sentencepiece::logging {
void SetMinLogLevel(int level);
}

struct sa3_spm {
  sentencepiece::SentencePieceProcessor processor;
};

namespace {

void silence_logging() { sentencepiece::logging::SetMinLogLevel(3); }

void set_error(char* err, size_t err_len, const std::string& message) {
  if (err == nullptr || err_len == 0) return;
  const size_t n = std::min(err_len - 1, message.size());
  std::memcpy(err, message.data(), n);
  err[n] = '\0';
}

}  // namespace

extern "C" {

__attribute__((visibility("default"))) sa3_spm* sa3_spm_load(const char* path, char* err, size_t err_len) {
  silence_logging();
  try {
    auto* model = new sa3_spm;
    const auto status = model->processor.Load(path);
    if (!status.ok()) {
      set_error(err, err_len, status.ToString());
      delete model;
      return nullptr;
    }
    return model;
  } catch (const std::exception& e) {
    set_error(err, err_len, e.what());
    return nullptr;
  }
}

__attribute__((visibility("default"))) void sa3_spm_free(sa3_spm* model) { delete model; }

__attribute__((visibility("default"))) int sa3_spm_piece_size(const sa3_spm* model) {
  return model->processor.GetPieceSize();
}

__attribute__((visibility("default"))) long sa3_spm_encode(const sa3_spm* model, const char* text, size_t text_len,
                                                           int* ids, size_t capacity, char* err, size_t err_len) {
  try {
    std::vector<int> out;
    const auto status = model->processor.Encode(std::string(text, text_len), &out);
    if (!status.ok()) {
      set_error(err, err_len, status.ToString());
      return -1;
    }
    std::copy_n(out.begin(), std::min(capacity, out.size()), ids);
    return static_cast<long>(out.size());
  } catch (const std::exception& e) {
    set_error(err, err_len, e.what());
    return -1;
  }
}

__attribute__((visibility("default"))) int sa3_spm_train(const char* flags, char* err, size_t err_len) {
  silence_logging();
  try {
    const auto status = sentencepiece::SentencePieceTrainer::Train(flags);
    if (!status.ok()) {
      set_error(err, err_len, status.ToString());
      return -1;
    }
    return 0;
  } catch (const std::exception& e) {
    set_error(err, err_len, e.what());
    return -1;
  }
}

}  // extern "C"
