// SPDX-License-Identifier: GPL-3.0-or-later
// Encoding a dataset for training: every captioned clip once through SAME (whole file,
// 44.1 kHz stereo) and its caption once through T5Gemma, into TrainingExamples with
// seconds_total = ceil(full file length) as upstream's metadata (spec §4, §6.6).
//
// With a cache folder (`pre_encode`), each example is stored as <key>.safetensors where key =
// sha256(audio bytes, caption, model key): later runs reuse it, a changed clip or caption gets a
// new key and is re-encoded.
// Deviation: clips are encoded once per run even without pre_encode (crops are then taken in
// latent space, as upstream's pre-encoded path does), because re-encoding every step on a
// 2-core CPU would cost more than the training step itself.
// Threading: synchronous; checks `job` for cancellation per clip.
// Errors: InvalidInput naming the clip for undecodable audio or a missing caption.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "model/pretransforms/autoencoder_pretransform.h"
#include "model/t5gemma/t5gemma_encoder.h"
#include "model/t5gemma/t5gemma_tokenizer.h"
#include "sa3/dataset.h"
#include "sa3/job_control.h"
#include "train/training_example.h"

namespace sa3 {

struct DatasetEncoders {
  std::string model_key;  // the model's part of the cache key: its id and what identifies its weights
  AutoencoderPretransform pretransform{nullptr};  // SAME, on `device`
  const T5GemmaTokenizer* tokenizer = nullptr;
  T5GemmaEncoder text_encoder{nullptr};      // on `device`
  at::Tensor padding_embedding;              // [D] conditioner.conditioners.prompt.padding_embedding
  int64_t max_prompt_tokens = 256;
  at::Device device = at::kCPU;
};

// The cache key of one clip for `model_key`.
std::string training_cache_key(const Clip& clip, const std::string& model_key);

// Latent frames per training crop: `duration` seconds, or the longest clip when unset, always
// capped at the model's native length (`native_frames`) and at least one frame.
int64_t training_crop_frames(const std::optional<double>& duration, const std::vector<Clip>& clips,
                             int64_t native_frames);

struct EncodedDataset {
  std::vector<TrainingExample> examples;  // in the order of the clips
  int from_cache = 0;                     // read back from the pre_encode cache
  int encoded = 0;                        // run through SAME and T5Gemma now
};

EncodedDataset encode_training_examples(const std::vector<Clip>& clips,
                                        const DatasetEncoders& encoders,
                                        const std::optional<std::filesystem::path>& cache_dir, JobControl& job);

}  // namespace sa3
