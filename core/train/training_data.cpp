// SPDX-License-Identifier: GPL-3.0-or-later
// Dataset encoding for training, with the content-addressed pre_encode cache.
#include "train/training_data.h"

#include <algorithm>
#include <cmath>

#include <ATen/ATen.h>

#include "base/sha256.h"
#include "model/conditioner_padding.h"
#include "model/prepare_audio.h"
#include "model/tensor_io.h"
#include "sa3/audio.h"
#include "sa3/error.h"

namespace sa3 {
namespace {

TrainingExample encode_clip(const Clip& clip, const DatasetEncoders& enc) {
  auto decoded = decode_audio(clip.audio_path);
  if (!decoded) throw_invalid(clip.audio_path.string() + ": " + decoded.error().message);
  at::NoGradGuard no_grad;
  TrainingExample ex;
  ex.id = clip.id;
  ex.seconds_total = std::ceil(decoded->duration_s());
  const auto audio = prepare_audio(*decoded).unsqueeze(0);  // [1, 2, N]
  const auto weight_dtype = enc.pretransform->parameters().front().scalar_type();
  ex.latents = enc.pretransform.ptr()->encode(audio.to(enc.device, weight_dtype)).squeeze(0).to(at::kCPU, at::kFloat);

  const auto tokens = enc.tokenizer->encode_batch({clip.caption}, enc.max_prompt_tokens);
  const auto mask = tokens.attention_mask.to(enc.device);
  const auto hidden = enc.text_encoder.ptr()->forward(tokens.input_ids.to(enc.device), mask);
  ex.prompt = apply_learned_padding(hidden, mask, enc.padding_embedding.to(hidden.device(), hidden.scalar_type()))
                  .squeeze(0)
                  .to(at::kCPU, at::kFloat);
  return ex;
}

}  // namespace

std::string training_cache_key(const Clip& clip, const std::string& model_key) {
  return sha256_hex(sha256_file_hex(clip.audio_path) + "\n" + sha256_hex(clip.caption) + "\n" + model_key);
}

int64_t training_crop_frames(const std::optional<double>& duration, const std::vector<Clip>& clips,
                             int64_t native_frames) {
  double longest = 0;
  for (const auto& c : clips) longest = std::max(longest, c.duration_s);
  const double seconds = duration.value_or(longest);
  const auto frames = static_cast<int64_t>(std::floor(seconds * 44100.0 / 4096.0));
  return std::clamp<int64_t>(frames, 1, native_frames);
}

EncodedDataset encode_training_examples(const std::vector<Clip>& clips, const DatasetEncoders& encoders,
                                        const std::optional<std::filesystem::path>& cache_dir, JobControl& job) {
  EncodedDataset dataset;
  auto& out = dataset.examples;
  size_t done = 0;
  for (const auto& clip : clips) {
    job.check_cancelled();
    if (!clip.has_caption) throw_invalid(clip.audio_path.string() + ": no caption (" + clip.caption_path.filename().string() + " is missing)");
    std::optional<std::filesystem::path> cached;
    if (cache_dir) cached = *cache_dir / (training_cache_key(clip, encoders.model_key) + ".safetensors");
    std::error_code ec;
    if (cached && std::filesystem::is_regular_file(*cached, ec)) {
      const auto file = SafetensorsFile::open(*cached);
      TrainingExample ex;
      ex.id = clip.id;
      ex.latents = load_tensor(file, "latents", at::kFloat).clone();
      ex.prompt = load_tensor(file, "prompt", at::kFloat).clone();
      ex.seconds_total = std::stod(file.metadata_value("seconds_total").value_or("0"));
      out.push_back(ex);
      ++dataset.from_cache;
    } else {
      out.push_back(encode_clip(clip, encoders));
      ++dataset.encoded;
      if (cached) {
        std::filesystem::create_directories(cached->parent_path(), ec);
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.17g", out.back().seconds_total);
        save_tensors(*cached, {{"latents", out.back().latents}, {"prompt", out.back().prompt}},
                     {{"seconds_total", secs}, {"clip", clip.id}, {"model", encoders.model_key}});
      }
    }
    job.progress(static_cast<double>(++done), static_cast<double>(clips.size()), clip.id);
  }
  return dataset;
}

}  // namespace sa3
