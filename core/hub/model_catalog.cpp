// SPDX-License-Identifier: GPL-3.0-or-later
// The six official Stable Audio 3 models and their Hugging Face repos (spec/contracts.md).
#include "sa3/hub.h"

namespace sa3 {

namespace {

ModelInfo make_info(const std::string& family, bool base) {
  ModelInfo info;
  info.id = base ? family + "-base" : family;
  info.repo = "stabilityai/stable-audio-3-" + info.id;
  info.purpose = base ? ModelPurpose::Training : ModelPurpose::Audition;
  info.pairs_with = base ? family : family + "-base";
  info.needed_for = base ? "training LoRAs (auditioned on " + family + ")"
                         : "auditioning LoRAs trained on " + family + "-base";
  return info;
}

}  // namespace

const std::vector<ModelInfo>& model_catalog() {
  static const std::vector<ModelInfo> catalog = {
      make_info("small-music", false), make_info("small-sfx", false), make_info("medium", false),
      make_info("small-music", true),  make_info("small-sfx", true),  make_info("medium", true),
  };
  return catalog;
}

Result<ModelInfo> find_model(const std::string& id) {
  std::string known;
  for (const ModelInfo& info : model_catalog()) {
    if (info.id == id) return info;
    known += (known.empty() ? "" : ", ") + info.id;
  }
  return Failure{ErrorKind::InvalidInput, "unknown model id '" + id + "' (expected one of " + known + ")"};
}

const char* to_string(ModelState state) {
  switch (state) {
    case ModelState::Present: return "present";
    case ModelState::Missing: return "missing";
    case ModelState::Incomplete: return "incomplete";
    case ModelState::Corrupt: return "corrupt";
  }
  return "unknown";
}

const char* to_string(ModelLayout layout) {
  switch (layout) {
    case ModelLayout::HuggingFace: return "hugging-face";
    case ModelLayout::ComfyUI: return "comfyui";
  }
  return "unknown";
}

}  // namespace sa3
