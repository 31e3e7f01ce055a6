// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's model_native_length_s(): how much audio each SA3 model trains on per example
// (upstream model_config.json `sample_size` / `sample_rate`, rounded as the model card states).
#include <string>

#include "sa3/dataset.h"

namespace sa3 {

Result<double> model_native_length_s(std::string_view model_id) {
  return capture([&] {
    const std::string id(model_id);
    if (id == "medium" || id == "medium-base") return 380.0;
    if (id == "small-music" || id == "small-music-base" || id == "small-sfx" || id == "small-sfx-base") return 120.0;
    throw_invalid("model '" + id + "': unknown model id (expected medium-base, small-music-base, "
                  "small-sfx-base, medium, small-music or small-sfx)");
  });
}

}  // namespace sa3
