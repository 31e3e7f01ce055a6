// SPDX-License-Identifier: GPL-3.0-or-later
// RenderFunction: how the Audition page renders one clip. The studio passes one backed by
// sa3::Generator (generator_render_function.h, linked only into the executable because the
// generator links torch); tests pass their own, so the page's logic runs without a model.
// Threading: called on a worker thread, one call at a time per page.
#pragma once

#include <functional>

#include "sa3/generate.h"

namespace sa3::ui {

using RenderFunction = std::function<sa3::Result<sa3::AudioBuffer>(
    const sa3::ModelSelection& model, const sa3::GenerateSettings& settings, sa3::JobControl& job)>;

}  // namespace sa3::ui
