// SPDX-License-Identifier: GPL-3.0-or-later
// Model locations in a models folder, in order of preference.
#include "model_folder.h"

#include <algorithm>
#include <fstream>

namespace sa3 {

namespace {

namespace fs = std::filesystem;

constexpr const char* kT5GemmaFolder = "t5gemma-b-b-ul2";

ModelFiles hugging_face_files(const fs::path& folder) {
  ModelFiles files;
  files.layout = ModelLayout::HuggingFace;
  files.folder = folder;
  files.checkpoint = folder / "model.safetensors";
  files.model_config = folder / "model_config.json";
  files.t5gemma_config = folder / kT5GemmaFolder / "config.json";
  files.t5gemma_weights = folder / kT5GemmaFolder / "model.safetensors";
  files.tokenizer = folder / kT5GemmaFolder / "tokenizer.model";
  return files;
}

// huggingface_hub's cache: models--<org>--<name>/refs/main names the snapshot of branch main.
fs::path hugging_face_cache_snapshot(const fs::path& models_dir, const std::string& id) {
  const fs::path repo = models_dir / ("models--stabilityai--stable-audio-3-" + id);
  std::ifstream ref(repo / "refs" / "main");
  std::string commit;
  if (!(ref >> commit) || commit.find_first_of("/\\.") != std::string::npos) return {};
  return repo / "snapshots" / commit;
}

// ComfyUI names checkpoints with underscores: stable_audio_3_medium_base.safetensors.
std::string comfy_name(const std::string& id) {
  std::string name = "stable_audio_3_" + id;
  std::replace(name.begin(), name.end(), '-', '_');
  return name + ".safetensors";
}

}  // namespace

const std::vector<std::string>& required_repo_files() {
  static const std::vector<std::string> files = {
      "model.safetensors", "model_config.json", "t5gemma-b-b-ul2/config.json",
      "t5gemma-b-b-ul2/model.safetensors", "t5gemma-b-b-ul2/tokenizer.model"};
  return files;
}

fs::path download_folder(const fs::path& models_dir, const std::string& id) { return models_dir / id; }

ModelFiles find_model_files(const fs::path& models_dir, const std::string& id) {
  std::error_code ec;
  for (const fs::path& folder : {download_folder(models_dir, id), models_dir / ("stable-audio-3-" + id),
                                 hugging_face_cache_snapshot(models_dir, id)}) {
    if (!folder.empty() && fs::is_directory(folder, ec)) return hugging_face_files(folder);
  }
  // Either ComfyUI's models folder itself or the ComfyUI installation above it.
  for (const fs::path& root : {models_dir, models_dir / "models"}) {
    const fs::path checkpoint = root / "checkpoints" / comfy_name(id);
    if (!fs::exists(checkpoint, ec)) continue;
    ModelFiles files;
    files.layout = ModelLayout::ComfyUI;
    files.folder = root;
    files.checkpoint = checkpoint;
    files.t5gemma_weights = root / "text_encoders" / "t5gemma_b_b_ul2.safetensors";
    return files;
  }
  return hugging_face_files(download_folder(models_dir, id));
}

}  // namespace sa3
