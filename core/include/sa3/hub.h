// SPDX-License-Identifier: GPL-3.0-or-later
// The models folder: which Stable Audio 3 weights are on disk, downloading them from the
// Hugging Face hub, and verifying them.
//
// Layout: a models folder holds one subfolder per model id in Hugging Face repo layout
//   (<models>/<id>/model.safetensors, model_config.json, t5gemma-b-b-ul2/{config.json,
//   model.safetensors, tokenizer.model}). Folders made by other tools are found too:
//   <models>/stable-audio-3-<id>/ (git clone, `hf download --local-dir`), the Hugging Face cache
//   (<models>/models--stabilityai--stable-audio-3-<id>/, i.e. --models ~/.cache/huggingface/hub)
//   and the ComfyUI single-file repack (--models ComfyUI/models, see ModelLayout::ComfyUI).
//   A download writes `.sa3-download.json` into the model folder: the size and sha256 of every
//   file as the hub announced them, which later status and verify calls check against.
// Lifecycle: free functions; nothing is cached between calls, so a status reflects the disk now.
// Ownership: results are plain values. The JobControl is borrowed for the call.
// Threading: every call blocks (a download for hours, a verify for minutes, a status for
//   milliseconds plus two safetensors headers per model). Call download/verify off the GUI
//   thread; progress and log sinks run on the calling thread. Two downloads of the same id into
//   the same folder at once are not supported.
// Errors: Result failures name the file, URL or id: InvalidInput for an unknown id or a refused
//   token, Environment for the network, the hub, a full disk or a hash mismatch.
// Cancellation: download and verify check the JobControl between chunks (about every MiB) and
//   return a cancelled failure. A cancelled or interrupted download keeps its `.part` files and
//   the next download resumes them with HTTP Range requests.
//
//   sa3::JobControl job;
//   sa3::DownloadOptions options;
//   options.hub.token = token_from_keychain;
//   options.on_progress = [](const sa3::DownloadProgress& p) { show(p.done_bytes, p.bytes_per_second, p.eta_seconds); };
//   sa3::Result<sa3::ModelStatus> r = sa3::download_model(sa3::default_models_dir(), "medium-base", options, job);
//   if (!r && !r.error().cancelled()) show_error(r.error().message);
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "sa3/error.h"
#include "sa3/job_control.h"

namespace sa3 {

enum class ModelPurpose {
  Audition,  // a post-trained model (small-music, small-sfx, medium): generates with a LoRA
  Training,  // a base model (X-base): LoRAs are trained on it, then auditioned on X
};

// One official Stable Audio 3 model.
struct ModelInfo {
  std::string id;          // "medium-base"
  std::string repo;        // "stabilityai/stable-audio-3-medium-base"
  ModelPurpose purpose;
  std::string pairs_with;  // the other half of the pair: "medium" for "medium-base" and back
  std::string needed_for;  // one sentence for lists: "training LoRAs (auditioned on medium)"
};

// The six ids, post-trained first.
const std::vector<ModelInfo>& model_catalog();
// Throws nothing; returns InvalidInput naming the id and the valid ones when unknown.
Result<ModelInfo> find_model(const std::string& id);

enum class ModelState {
  Present,     // every file there; sizes match the download record; safetensors headers readable
  Missing,     // nothing of this model in the folder
  Incomplete,  // some files missing or a download left `.part` files: download resumes it
  Corrupt,     // a size or sha256 differs from the download record, or a safetensors file is broken
};
const char* to_string(ModelState state);

enum class ModelLayout {
  HuggingFace,  // the repo's files in a folder
  // ComfyUI's repack (Comfy-Org/stable-audio-3): checkpoints/stable_audio_3_<id>.safetensors (the
  // upstream model.safetensors renamed) and one shared text_encoders/t5gemma_b_b_ul2.safetensors.
  // It has no model_config.json, T5Gemma config or tokenizer file: loaders use the built-in
  // config of the id and the tokenizer embedded in the text encoder file (ModelFiles).
  ComfyUI,
};
const char* to_string(ModelLayout layout);

// Where a loader finds the parts of one model. Empty paths are explained per field.
struct ModelFiles {
  ModelLayout layout = ModelLayout::HuggingFace;
  std::filesystem::path folder;           // the model folder (ComfyUI: the ComfyUI models folder)
  std::filesystem::path checkpoint;       // DiT + SAME autoencoder + conditioner weights
  std::filesystem::path model_config;     // empty (ComfyUI): use the built-in config of the id
  std::filesystem::path t5gemma_config;   // empty (ComfyUI): use the built-in T5Gemma b-b config
  std::filesystem::path t5gemma_weights;  // T5Gemma encoder (BF16)
  std::filesystem::path tokenizer;        // empty (ComfyUI): SentencePiece blob inside t5gemma_weights
};

struct ModelStatus {
  ModelInfo info;
  ModelState state = ModelState::Missing;
  ModelLayout layout = ModelLayout::HuggingFace;
  std::filesystem::path folder;   // where it is, or where a download will put it
  std::uint64_t size_bytes = 0;   // on disk now, `.part` files included
  std::uint64_t expected_bytes = 0;  // total from the download record; 0 when there is none
  bool has_download_record = false;  // false for folders made by other tools
  bool hashes_checked = false;       // true after verify_model hashed every recorded file
  std::vector<std::string> problems;  // why it is not Present, one line per file
};

// Every id of the catalog, in catalog order. Cheap: stats files and reads safetensors headers.
Result<std::vector<ModelStatus>> model_statuses(const std::filesystem::path& models_dir);
Result<ModelStatus> model_status(const std::filesystem::path& models_dir, const std::string& id);

// Status plus the sha256 of every file in the download record. Progress is in bytes hashed.
Result<ModelStatus> verify_model(const std::filesystem::path& models_dir, const std::string& id,
                                 JobControl& job);

// The files of a Present model, for the model loaders; a failure says what is wrong and that
// `sa3 models download <id>` (or the Models page) fixes it.
Result<ModelFiles> locate_model(const std::filesystem::path& models_dir, const std::string& id);

struct HubSettings {
  std::string endpoint;  // scheme://host[:port], no trailing slash; see hub_endpoint_from_env
  std::string token;     // Hugging Face access token; empty for none. Sent only to `endpoint`.
};
// SA3_HF_ENDPOINT, else https://huggingface.co.
std::string hub_endpoint_from_env();

struct DownloadProgress {
  std::string file;               // repo path being transferred ("model.safetensors")
  std::uint64_t done_bytes = 0;   // of the whole model, resumed bytes included
  std::uint64_t total_bytes = 0;  // of the whole model
  double bytes_per_second = 0;    // recent transfer rate (0 until measured)
  double eta_seconds = -1;        // -1 while unknown
};

struct DownloadOptions {
  HubSettings hub{hub_endpoint_from_env(), {}};
  // Called at most 10 times a second (and once at the end of each file). The JobControl's
  // on_progress gets the same figures as done/total bytes with a text like
  // "model.safetensors, 42.1 MB/s, 3 min left".
  std::function<void(const DownloadProgress&)> on_progress;
  // Free bytes at a path; std::filesystem::space by default. Tests inject a small disk.
  std::function<std::uintmax_t(const std::filesystem::path&)> available_space;
};

// Downloads (or completes) the model `id` into <models_dir>/<id>/ in Hugging Face layout: lists
// the repo through the hub API, refuses when the disk lacks room, fetches each missing file to
// `<file>.part` (resuming what is there), checks its size and hash (sha256 for LFS files, the git
// blob id otherwise) and renames it into place. Files already in place with the announced hash
// are kept. Returns the final status (Present).
Result<ModelStatus> download_model(const std::filesystem::path& models_dir, const std::string& id,
                                   const DownloadOptions& options, JobControl& job);

}  // namespace sa3
