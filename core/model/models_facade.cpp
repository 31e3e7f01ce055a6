// SPDX-License-Identifier: GPL-3.0-or-later
// The sa3/models.h facade over the model registry and Sa3Model.
#include "sa3/models.h"

#include "model/model_registry.h"
#include "model/sa3_model.h"

namespace sa3 {

Result<ModelDefaults> model_defaults(const std::string& id) {
  return capture([&] {
    const Sa3ModelConfig config =
        Sa3ModelConfig::from_json(builtin_model_config(id, ModelScale::Full), "built-in config of " + id);
    ModelDefaults d;
    d.post_trained = is_post_trained(id);
    d.steps = d.post_trained ? kPostTrainedSteps : kBaseSteps;
    d.cfg_scale = d.post_trained ? kPostTrainedCfg : kBaseCfg;
    d.max_seconds = static_cast<double>(config.sample_size) / static_cast<double>(config.sample_rate);
    return d;
  });
}

Status make_tiny_model(const std::filesystem::path& models_dir, const std::string& id, uint64_t seed) {
  return capture_status([&] { write_tiny_sa3_model(models_dir, id, seed); });
}

}  // namespace sa3
